package io.commerce.order;

import io.commerce.shared.LineItem;
import io.commerce.shared.Money;
import java.time.Instant;
import java.util.List;

/** A new order was mirrored. */
public record OrderPlaced(
        String orderId, String customerId, String cartId, Money total, List<LineItem> lines, Instant placedAt) {}
