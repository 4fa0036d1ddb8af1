package io.commerce.order;

import io.commerce.shared.LineItem;
import io.commerce.shared.Money;
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
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** An order and its state machine; each transition returns the event it causes. */
@Entity
@Table(name = "orders")
class Order {

    @Id
    private String id;

    private String customerId;
    private String cartId;

    @Enumerated(EnumType.STRING)
    private OrderStatus status;

    private String currency;
    private BigDecimal total;
    private Instant placedAt;
    private String orderUrl;

    @ElementCollection
    @CollectionTable(name = "order_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "position")
    private List<LineItem> lines = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "shipment", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "position")
    private List<Shipment> shipments = new ArrayList<>();

    private Instant deliveredAt;
    private Instant cancelledAt;
    private String cancellationReason;
    private Instant updatedAt;

    @Version
    private long version;

    protected Order() {}

    private Order(String id) {
        this.id = id;
    }

    static Order place(String id, OrderDetails details, Instant now) {
        var order = new Order(id);
        order.status = OrderStatus.PLACED;
        order.apply(details, now);
        return order;
    }

    OrderPlaced placed() {
        return new OrderPlaced(id, customerId, cartId, Money.of(total, currency), List.copyOf(lines), placedAt);
    }

    /** Applies the shop's details of an existing order (status is moved only by the steps below). */
    boolean update(OrderDetails details, Instant now) {
        var newLines = normalized(details.lines());
        if (Objects.equals(customerId, details.customerId())
                && Objects.equals(cartId, details.cartId())
                && Objects.equals(currency, details.currency())
                && total.compareTo(details.total()) == 0
                && (details.placedAt() == null || placedAt.equals(details.placedAt()))
                && Objects.equals(orderUrl, details.orderUrl())
                && lines.equals(newLines)) {
            return false;
        }
        apply(details, now);
        return true;
    }

    OrderShipped ship(Shipment shipment, Instant now) {
        require(EnumSet.of(OrderStatus.PLACED, OrderStatus.SHIPPED), "shipped");
        var stamped = shipment.at(now);
        shipments.add(stamped);
        status = OrderStatus.SHIPPED;
        updatedAt = now;
        return new OrderShipped(id, customerId, stamped, stamped.shippedAt());
    }

    OrderDelivered deliver(Instant deliveredAt, Instant now) {
        require(EnumSet.of(OrderStatus.SHIPPED), "delivered");
        this.deliveredAt = deliveredAt == null ? now : deliveredAt;
        status = OrderStatus.DELIVERED;
        updatedAt = now;
        return new OrderDelivered(id, customerId, this.deliveredAt);
    }

    OrderCancelled cancel(String reason, Instant now) {
        require(EnumSet.of(OrderStatus.PLACED, OrderStatus.SHIPPED), "cancelled");
        cancelledAt = now;
        cancellationReason = reason;
        status = OrderStatus.CANCELLED;
        updatedAt = now;
        return new OrderCancelled(id, customerId, reason, now);
    }

    String customerId() {
        return customerId;
    }

    String cartId() {
        return cartId;
    }

    OrderView view() {
        return new OrderView(
                id,
                customerId,
                cartId,
                status,
                currency,
                total,
                placedAt,
                orderUrl,
                List.copyOf(lines),
                List.copyOf(shipments),
                deliveredAt,
                cancelledAt,
                cancellationReason,
                null);
    }

    private void require(Set<OrderStatus> allowed, String step) {
        if (!allowed.contains(status)) {
            throw new OrderTransitionException(id, status, step);
        }
    }

    private void apply(OrderDetails details, Instant now) {
        customerId = details.customerId();
        cartId = details.cartId();
        currency = details.currency();
        total = details.total().setScale(2);
        if (details.placedAt() != null || placedAt == null) {
            placedAt = details.placedAt() == null ? now : details.placedAt();
        }
        orderUrl = details.orderUrl();
        lines.clear();
        lines.addAll(normalized(details.lines()));
        updatedAt = now;
    }

    private static List<LineItem> normalized(List<LineItem> lines) {
        return lines.stream().map(LineItem::normalized).toList();
    }
}
