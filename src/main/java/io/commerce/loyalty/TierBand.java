package io.commerce.loyalty;

import java.math.BigDecimal;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A tier as a band of rolling 12-month spend: from {@code from} (inclusive) to the next tier's threshold
 * ({@code to}, exclusive; none for the top tier), with the early access its members get to campaigns.
 */
public record TierBand(
        String tier, BigDecimal from, @Nullable BigDecimal to, Duration earlyAccess) {

    /** How far back the spend that places a customer in a band is counted. */
    public static final Duration SPEND_WINDOW = Standing.TWELVE_MONTHS;
}
