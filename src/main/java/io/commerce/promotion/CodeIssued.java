package io.commerce.promotion;

import java.time.Instant;

/** A discount code was issued to a customer, for a reason such as {@code win_back}. */
public record CodeIssued(String code, String customerId, String reason, Instant expiresAt) {}
