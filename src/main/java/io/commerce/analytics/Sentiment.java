package io.commerce.analytics;

import io.commerce.conversation.Ratings;
import org.jspecify.annotations.Nullable;

/**
 * How customers feel over a period: their ratings of delivered orders and of resolved conversations (CSAT),
 * each with its distribution and share of 1s and 2s, and how many of the messages delivered led to an opt-out.
 */
public record Sentiment(
        Ratings.Distribution deliveries,
        Ratings.Distribution conversations,
        long optedOut,
        long delivered,
        @Nullable Double optOutRate) {}
