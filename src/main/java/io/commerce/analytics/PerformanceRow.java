package io.commerce.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * One row of a performance report: the funnel of the messages of one key (a campaign's id, a journey's name, a
 * template key, …) over the period, with the orders attributed to them, their revenue and cost in {@code
 * currency}, and the ratios: {@code ctr} unique clickers / delivered, {@code conversionRate} orders / delivered,
 * {@code rocs} revenue / cost, {@code revenuePerMessage} revenue / sent (null where the divisor is zero).
 */
public record PerformanceRow(
        String key,
        long sent,
        long delivered,
        long read,
        long clicked,
        long uniqueClickers,
        long replied,
        long optedOut,
        long orders,
        BigDecimal revenue,
        String currency,
        BigDecimal cost,
        @Nullable Double ctr,
        @Nullable Double conversionRate,
        @Nullable Double rocs,
        @Nullable BigDecimal revenuePerMessage) {

    static PerformanceRow of(String key, Counts counts, String currency) {
        return new PerformanceRow(
                key,
                counts.sent(),
                counts.delivered(),
                counts.read(),
                counts.clicked(),
                counts.uniqueClickers(),
                counts.replied(),
                counts.optedOut(),
                counts.orders(),
                counts.revenue().setScale(2, RoundingMode.HALF_UP),
                currency,
                counts.cost().setScale(4, RoundingMode.HALF_UP),
                ratio(counts.uniqueClickers(), counts.delivered()),
                ratio(counts.orders(), counts.delivered()),
                counts.cost().signum() == 0
                        ? null
                        : counts.revenue()
                                .divide(counts.cost(), 4, RoundingMode.HALF_UP)
                                .doubleValue(),
                counts.sent() == 0
                        ? null
                        : counts.revenue().divide(BigDecimal.valueOf(counts.sent()), 4, RoundingMode.HALF_UP));
    }

    private static @Nullable Double ratio(long part, long whole) {
        return whole == 0
                ? null
                : BigDecimal.valueOf(part)
                        .divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP)
                        .doubleValue();
    }
}
