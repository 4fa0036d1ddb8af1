package io.commerce.catalog;

import io.commerce.shared.Channel;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A customer's request to hear once when a variant is back in stock, on a chosen channel. */
@Entity
@Table(name = "back_in_stock_subscription")
class BackInStockSubscription {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String customerId;
    private String productId;
    private String variantId;

    @Enumerated(EnumType.STRING)
    private Channel channel;

    @Enumerated(EnumType.STRING)
    private SubscriptionStatus status;

    private Instant createdAt;

    protected BackInStockSubscription() {}

    BackInStockSubscription(String customerId, String productId, String variantId, Channel channel, Instant now) {
        this.customerId = customerId;
        this.productId = productId;
        this.variantId = variantId;
        this.channel = channel;
        this.status = SubscriptionStatus.ACTIVE;
        this.createdAt = now;
    }

    BackInStockSubscriptionView view() {
        return new BackInStockSubscriptionView(id, customerId, productId, variantId, channel, status, createdAt);
    }
}
