package io.commerce.order;

import java.time.Instant;

/** The order reached the customer. */
public record OrderDelivered(String orderId, String customerId, Instant deliveredAt) {}
