package io.commerce.catalog;

import io.commerce.shared.Channel;
import io.commerce.shared.ShopId;
import jakarta.validation.constraints.NotNull;

/** {@code POST /api/v1/customers/{customerId}/back-in-stock-subscriptions}. */
public record BackInStockRequest(
        @NotNull @ShopId String productId,
        @NotNull @ShopId String variantId,
        @NotNull Channel channel) {}
