package io.commerce.order;

import java.math.BigDecimal;
import java.time.Instant;

/** A delivered order, as a backfill reads it: whose, how much, when it arrived. */
public record DeliveredOrder(
        String orderId, String customerId, BigDecimal total, String currency, Instant deliveredAt) {}
