package io.commerce.conversation;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What customers said in ratings over a period: of their delivered orders (1-5) and of their resolved
 * conversations (CSAT, 1-5).
 */
public record Ratings(Distribution deliveries, Distribution conversations) {

    /**
     * How many ratings, their average (null without any), how many of each from 1 to 5, and the share of 1s and
     * 2s (the unhappy; null without any).
     */
    public record Distribution(
            long count,
            @Nullable Double average,
            Map<String, Long> byRating,
            @Nullable Double lowShare) {

        static Distribution of(long count, @Nullable Double average, Map<String, Long> byRating) {
            var low = byRating.getOrDefault("1", 0L) + byRating.getOrDefault("2", 0L);
            return new Distribution(
                    count,
                    average == null ? null : Math.round(average * 100) / 100.0,
                    byRating,
                    count == 0 ? null : Math.round(10_000.0 * low / count) / 10_000.0);
        }
    }
}
