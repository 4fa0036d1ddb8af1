package io.commerce.analytics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/analytics")
class AnalyticsController {

    /** {@code GET /performance}: one row per key. */
    record PerformanceReport(Instant from, Instant to, GroupBy groupBy, List<PerformanceRow> rows) {}

    /** {@code GET /retention}: one cohort per month of first order and reach. */
    record RetentionReport(Instant from, Instant to, List<RetentionCohort> cohorts) {}

    private final AnalyticsService analytics;
    private final Clock clock;

    AnalyticsController(AnalyticsService analytics, Clock clock) {
        this.analytics = analytics;
        this.clock = clock;
    }

    /**
     * The funnel, attributed orders, revenue, cost and ratios of the messages sent from {@code from} to {@code to}
     * (default: the last 30 days), one row per campaign, journey, step, template, channel, variant or source.
     */
    @GetMapping("/performance")
    PerformanceReport performance(
            @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to,
            @RequestParam(defaultValue = "campaign") GroupBy groupBy) {
        var period = period(from, to, Duration.ofDays(30));
        return new PerformanceReport(
                period.from(), period.to(), groupBy, analytics.performance(period.from(), period.to(), groupBy));
    }

    /**
     * Retention by monthly cohort of first order from {@code from} to {@code to} (default: the last 12 months):
     * per cohort, reached by messages or not, the share of its customers ordering again in each later month.
     */
    @GetMapping("/retention")
    RetentionReport retention(
            @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to) {
        var period = period(from, to, Duration.ofDays(365));
        return new RetentionReport(period.from(), period.to(), analytics.retention(period.from(), period.to()));
    }

    /**
     * Ratings of delivered orders and resolved conversations (distribution, share of 1-2) and opt-outs per
     * delivered message, from {@code from} to {@code to} (default: the last 30 days).
     */
    @GetMapping("/sentiment")
    Sentiment sentiment(
            @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to) {
        var period = period(from, to, Duration.ofDays(30));
        return analytics.sentiment(period.from(), period.to());
    }

    private record Period(Instant from, Instant to) {}

    /** The period asked for; without {@code to}, until now; without {@code from}, {@code length} before its end. */
    private Period period(@Nullable Instant from, @Nullable Instant to, Duration length) {
        var until = to == null ? clock.instant() : to;
        return new Period(from == null ? until.minus(length) : from, until);
    }
}
