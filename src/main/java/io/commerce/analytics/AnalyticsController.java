package io.commerce.analytics;

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
    private final java.time.Clock clock;

    AnalyticsController(AnalyticsService analytics, java.time.Clock clock) {
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
        var until = to == null ? clock.instant() : to;
        var since = from == null ? until.minus(Duration.ofDays(30)) : from;
        return new PerformanceReport(since, until, groupBy, analytics.performance(since, until, groupBy));
    }

    /**
     * Retention by monthly cohort of first order from {@code from} to {@code to} (default: the last 12 months):
     * per cohort, reached by messages or not, the share of its customers ordering again in each later month.
     */
    @GetMapping("/retention")
    RetentionReport retention(
            @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to) {
        var until = to == null ? clock.instant() : to;
        var since = from == null ? until.minus(Duration.ofDays(365)) : from;
        return new RetentionReport(since, until, analytics.retention(since, until));
    }

    /**
     * Ratings of delivered orders and resolved conversations (distribution, share of 1-2) and opt-outs per
     * delivered message, from {@code from} to {@code to} (default: the last 30 days).
     */
    @GetMapping("/sentiment")
    Sentiment sentiment(
            @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to) {
        var until = to == null ? clock.instant() : to;
        return analytics.sentiment(from == null ? until.minus(Duration.ofDays(30)) : from, until);
    }
}
