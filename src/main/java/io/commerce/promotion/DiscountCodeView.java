package io.commerce.promotion;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A discount code as stored; {@code redeemedAt} and {@code orderId} are set once it is used. */
public record DiscountCodeView(
        String code,
        String customerId,
        String reason,
        DiscountKind kind,
        BigDecimal value,
        @Nullable String currency,
        BigDecimal minimumSpend,
        Instant issuedAt,
        Instant expiresAt,
        @Nullable Instant redeemedAt,
        @Nullable String orderId) {}
