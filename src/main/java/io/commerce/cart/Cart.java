package io.commerce.cart;

import io.commerce.shared.LineItem;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A shopping cart; its transitions return the events they cause. */
@Entity
@Table(name = "cart")
class Cart {

    @Id
    private String id;

    private String customerId;
    private String currency;
    private String checkoutUrl;

    @Enumerated(EnumType.STRING)
    private CartStatus status;

    @ElementCollection
    @CollectionTable(name = "cart_line", joinColumns = @JoinColumn(name = "cart_id"))
    @OrderColumn(name = "position")
    private List<LineItem> lines = new ArrayList<>();

    private String orderId;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant convertedAt;

    @Version
    private long version;

    protected Cart() {}

    Cart(String id, Instant now) {
        this.id = id;
        this.status = CartStatus.ACTIVE;
        this.createdAt = now;
    }

    /** Applies the shop's view of the cart; empty when nothing changed. */
    Optional<CartUpdated> update(CartDetails details, Instant now) {
        if (status == CartStatus.CONVERTED) {
            throw new CartAlreadyConvertedException(id, orderId);
        }
        var newLines = details.lines().stream().map(LineItem::normalized).toList();
        if (updatedAt != null
                && Objects.equals(customerId, details.customerId())
                && Objects.equals(currency, details.currency())
                && Objects.equals(checkoutUrl, details.checkoutUrl())
                && lines.equals(newLines)) {
            return Optional.empty();
        }
        this.customerId = details.customerId();
        this.currency = details.currency();
        this.checkoutUrl = details.checkoutUrl();
        this.lines.clear();
        this.lines.addAll(newLines);
        this.updatedAt = now;
        return Optional.of(new CartUpdated(id, customerId, lines.size(), now));
    }

    /** Marks the cart as bought by the order; repeating it for the same order changes nothing. */
    Optional<CartConverted> convert(String orderId, Instant now) {
        if (status == CartStatus.CONVERTED) {
            return Optional.empty();
        }
        this.status = CartStatus.CONVERTED;
        this.orderId = orderId;
        this.convertedAt = now;
        this.updatedAt = now;
        return Optional.of(new CartConverted(id, customerId, orderId, now));
    }

    CartView view() {
        return new CartView(
                id,
                customerId,
                currency,
                checkoutUrl,
                status,
                List.copyOf(lines),
                orderId,
                createdAt,
                updatedAt,
                convertedAt);
    }
}
