package io.commerce.order;

import java.time.Instant;

/** A customer's most recent order that was not cancelled: which one and when it was placed. */
public record LastOrder(String customerId, String orderId, Instant placedAt) {}
