package io.commerce.order;

import io.commerce.shared.LineItem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An order as stored, with its status and shipments. */
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
        @Nullable String cancellationReason) {}
