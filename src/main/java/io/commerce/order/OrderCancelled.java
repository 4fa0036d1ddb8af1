package io.commerce.order;

import java.time.Instant;

/** The order was cancelled; journeys about it end. */
public record OrderCancelled(String orderId, String customerId, String reason, Instant cancelledAt) {}
