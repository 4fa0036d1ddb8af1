package io.commerce.journey;

import java.time.Instant;

/**
 * One thing that happened between the shop and a customer. {@code kind} is one of {@code journey_entered},
 * {@code journey_ended}, {@code message} (we sent), {@code reply} (they sent), {@code code_issued}, {@code
 * code_redeemed}. {@code reference} is the enrollment, message or code; {@code journey} the journey it
 * belongs to, when it does; {@code status} the enrollment's or message's status; {@code detail} the exit
 * reason, the template or words, or the code's value.
 */
public record TimelineEntry(
        Instant at, String kind, String journey, String reference, String channel, String status, String detail) {}
