package io.commerce.cart;

import io.commerce.shared.LineItem;
import java.time.Instant;
import java.util.List;

/** A cart as stored. */
public record CartView(
        String cartId,
        String customerId,
        String currency,
        String checkoutUrl,
        CartStatus status,
        List<LineItem> lines,
        String orderId,
        Instant createdAt,
        Instant updatedAt,
        Instant convertedAt) {}
