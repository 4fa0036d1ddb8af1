package io.commerce.loyalty;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A customer's loyalty: points available and pending, tier (by the rolling 12-month spend) and the next one with
 * the spend still needed, points lapsing by date, lifetime points, who referred them.
 */
public record LoyaltyView(
        String customerId,
        int points,
        int pendingPoints,
        @Nullable String tier,
        @Nullable String nextTier,
        @Nullable BigDecimal spendToNextTier,
        BigDecimal spend12Months,
        String currency,
        List<Expiring> expiring,
        int lifetimePoints,
        @Nullable String referrerId) {

    /** Points that lapse at an instant unless spent first. */
    public record Expiring(int points, Instant expiresAt) {}
}
