package io.commerce.journey;

import java.time.Instant;

/** A customer entered a journey for a trigger (a cart, an order, a subscription). */
public record JourneyEntered(
        String enrollmentId, String journey, String triggerId, String customerId, Instant enteredAt) {}
