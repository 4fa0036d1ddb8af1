package io.commerce.cart;

import java.time.Instant;

/** A cart became an order. */
public record CartConverted(String cartId, String customerId, String orderId, Instant convertedAt) {}
