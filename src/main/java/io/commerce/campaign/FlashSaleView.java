package io.commerce.campaign;

import io.commerce.promotion.DiscountKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A campaign's flash sale as it stands: its terms, when it ends, and whether it stopped (when, and why: {@code
 * SOLD_OUT}, the product's stock ran out; {@code ENDED}, its time was up). Its messages still queued then were
 * cancelled with the same reason.
 */
public record FlashSaleView(
        String productId,
        DiscountKind kind,
        BigDecimal value,
        @Nullable String currency,
        @Nullable BigDecimal minimumSpend,
        Duration validFor,
        Instant endsAt,
        @Nullable Instant stoppedAt,
        @Nullable String stopReason) {}
