package io.commerce.catalog;

import io.commerce.shared.Channel;
import java.time.Instant;

/** A back-in-stock subscription as stored; see {@link SubscriptionStatus}. */
public record BackInStockSubscriptionView(
        Long subscriptionId,
        String customerId,
        String productId,
        String variantId,
        Channel channel,
        SubscriptionStatus status,
        Instant createdAt) {}
