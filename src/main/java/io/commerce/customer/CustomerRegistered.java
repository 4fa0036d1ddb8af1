package io.commerce.customer;

import java.time.Instant;

/** A customer was mirrored for the first time (or again after an erasure). Carries no personal data. */
public record CustomerRegistered(String customerId, String language, Instant registeredAt) {}
