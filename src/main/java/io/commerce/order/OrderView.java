package io.commerce.order;

import io.commerce.shared.LineItem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An order as stored, with its status and shipments; {@code GET /orders/{id}} adds the message the order is
 * attributed to ({@code null} elsewhere, and when no message led to it).
 */
public record OrderView(
        String orderId,
        String customerId,
        @Nullable String cartId,
        OrderStatus status,
        String currency,
        BigDecimal total,
        Instant placedAt,
        @Nullable String orderUrl,
        List<LineItem> lines,
        List<Shipment> shipments,
        @Nullable Instant deliveredAt,
        @Nullable Instant cancelledAt,
        @Nullable String cancellationReason,
        @Nullable OrderAttribution attribution) {

    /** The order with the message it is attributed to. */
    public OrderView attributedTo(@Nullable OrderAttribution to) {
        return new OrderView(
                orderId,
                customerId,
                cartId,
                status,
                currency,
                total,
                placedAt,
                orderUrl,
                lines,
                shipments,
                deliveredAt,
                cancelledAt,
                cancellationReason,
                to);
    }
}
