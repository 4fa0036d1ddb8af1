package io.commerce.order;

import io.commerce.shared.Money;
import java.time.Instant;

/** Part or all of a delivered order came back: {@code amount} refunded of the order's {@code orderTotal}. */
public record OrderReturned(
        String orderId, String customerId, String returnId, Money amount, Money orderTotal, Instant returnedAt) {}
