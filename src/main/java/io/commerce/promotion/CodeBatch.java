package io.commerce.promotion;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Codes for many customers at once ({@link PromotionService#issueToEach}): one each, all alike (why, the discount,
 * the least order total) and valid until the same instant (a flash sale's end).
 */
public record CodeBatch(
        String reason,
        DiscountKind kind,
        BigDecimal value,
        String currency,
        BigDecimal minimumSpend,
        Instant expiresAt) {}
