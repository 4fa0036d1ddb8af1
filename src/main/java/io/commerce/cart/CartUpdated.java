package io.commerce.cart;

import java.time.Instant;

/** A cart was created or changed; abandoned-cart timers restart from {@code updatedAt}. */
public record CartUpdated(String cartId, String customerId, int lineCount, Instant updatedAt) {}
