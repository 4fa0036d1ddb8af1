package io.commerce.journey;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One thing that happened between the shop and a customer. {@code kind} is one of {@code journey_entered},
 * {@code journey_ended}, {@code message} (we sent), {@code reply} (they sent), {@code code_issued}, {@code
 * code_redeemed}. {@code reference} is the enrollment, message or code; {@code journey} the journey it
 * belongs to, when it does; {@code status} the enrollment's or message's status; {@code detail} the exit
 * reason, the template or words, or the code's value.
 */
public record TimelineEntry(
        Instant at,
        String kind,
        @Nullable String journey,
        String reference,
        @Nullable String channel,
        @Nullable String status,
        @Nullable String detail) {}
