package io.commerce.promotion;

import java.math.BigDecimal;
import java.time.Instant;

/** A discount code as stored; {@code redeemedAt} and {@code orderId} are set once it is used. */
public record DiscountCodeView(
        String code,
        String customerId,
        String reason,
        DiscountKind kind,
        BigDecimal value,
        String currency,
        BigDecimal minimumSpend,
        Instant issuedAt,
        Instant expiresAt,
        Instant redeemedAt,
        String orderId) {}
