package io.commerce.order;

import io.commerce.shared.LineItem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An order as stored, with its status and shipments. */
public record OrderView(
        String orderId,
        String customerId,
        String cartId,
        OrderStatus status,
        String currency,
        BigDecimal total,
        Instant placedAt,
        String orderUrl,
        List<LineItem> lines,
        List<Shipment> shipments,
        Instant deliveredAt,
        Instant cancelledAt,
        String cancellationReason) {}
