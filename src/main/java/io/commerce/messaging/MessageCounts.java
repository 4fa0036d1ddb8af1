package io.commerce.messaging;

/**
 * How many messages of one origin (a campaign) are in each status, and how many of the queued ones a
 * guardrail holds back for now (quiet hours, frequency cap, minimum gap).
 */
public record MessageCounts(
        long queued, long sending, long sent, long delivered, long read, long failed, long cancelled, long held) {}
