package io.commerce.promotion;

import java.time.Instant;

/** A discount code was used on an order: journeys count it as a conversion. */
public record CodeRedeemed(String code, String customerId, String reason, String orderId, Instant redeemedAt) {}
