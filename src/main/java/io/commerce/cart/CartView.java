package io.commerce.cart;

import io.commerce.shared.LineItem;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A cart as stored. */
public record CartView(
        String cartId,
        String customerId,
        String currency,
        @Nullable String checkoutUrl,
        CartStatus status,
        List<LineItem> lines,
        @Nullable String orderId,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant convertedAt) {}
