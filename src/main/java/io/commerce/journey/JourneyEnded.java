package io.commerce.journey;

import java.time.Instant;

/**
 * An enrollment ended: {@code completed} (every step ran), {@code converted} (the journey's goal was
 * reached) or {@code exited} (an exit condition, with its reason).
 */
public record JourneyEnded(
        String enrollmentId,
        String journey,
        String customerId,
        String outcome,
        String reason,
        int step,
        Instant endedAt) {}
