package io.commerce.analytics;

import io.commerce.messaging.MessagingService;
import io.commerce.messaging.TrackedLink;
import io.commerce.shared.InvalidValueException;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/** The analytics module's public face: follow a tracked link, and report what messages did and earned. */
@Service
public class AnalyticsService {

    /** The longest period a report covers. */
    static final Duration LONGEST_PERIOD = Duration.ofDays(2 * 366);

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private final MessagingService messaging;
    private final Clicks clicks;
    private final Tally tally;
    private final Performance performance;
    private final Retention retention;
    private final AnalyticsProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;

    AnalyticsService(
            MessagingService messaging,
            Clicks clicks,
            Tally tally,
            Performance performance,
            Retention retention,
            AnalyticsProperties properties,
            MeterRegistry meters,
            Clock clock) {
        this.messaging = messaging;
        this.clicks = clicks;
        this.tally = tally;
        this.performance = performance;
        this.retention = retention;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * Where a tracked link goes: the URL its message carried, with {@code utm_source}, {@code utm_medium} and
     * {@code utm_campaign} added (unless it has them); the request is recorded, and counts as a click unless a
     * robot made it. Empty for an unknown token: nothing else is ever a destination.
     */
    @Transactional
    public Optional<String> follow(String token, String method, String userAgent) {
        if (!TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return messaging.trackedLink(token).map(link -> {
            var robot = Robots.isRobot(method, userAgent);
            var now = clock.instant();
            var first = clicks.record(link, robot, now);
            var dimensions = Dimensions.of(link.origin(), link.templateKey(), link.channel(), link.variant());
            if (!robot) {
                tally.write(new Tally.Delta(now, dimensions, Counts.aClick(first)));
            }
            meters.counter(
                            "analytics.clicks",
                            "channel",
                            link.channel().name().toLowerCase(Locale.ROOT),
                            "kind",
                            robot ? "robot" : first ? "first" : "repeat")
                    .increment();
            return destination(link, dimensions);
        });
    }

    /** The funnel, orders, revenue and cost of the messages of each key over the period (whole hours). */
    @Transactional(readOnly = true)
    public List<PerformanceRow> performance(Instant from, Instant to, GroupBy groupBy) {
        checkPeriod(from, to);
        return performance.rows(from, to, groupBy, properties.currency());
    }

    /**
     * Retention by monthly cohort of first order placed from {@code from} to {@code to}: per cohort, reached by
     * messages or not, its size and the share of its customers ordering again in each later month until now.
     */
    @Transactional(readOnly = true)
    public List<RetentionCohort> retention(Instant from, Instant to) {
        checkPeriod(from, to);
        return retention.cohorts(from, to, clock.instant());
    }

    static void checkPeriod(Instant from, Instant to) {
        if (from.isAfter(to)) {
            throw new InvalidValueException("from", "must not be after 'to'");
        }
        if (Duration.between(from, to).compareTo(LONGEST_PERIOD) > 0) {
            throw new InvalidValueException("to", "a period covers two years at most");
        }
    }

    private static String destination(TrackedLink link, Dimensions dimensions) {
        UriComponentsBuilder url;
        try {
            url = UriComponentsBuilder.fromUriString(link.url());
        } catch (IllegalArgumentException unusual) {
            return link.url(); // the link as the message carried it: still where it pointed
        }
        var present = url.build().getQueryParams();
        addIfAbsent(
                url,
                present.containsKey("utm_source"),
                "utm_source",
                link.channel().name().toLowerCase(Locale.ROOT));
        addIfAbsent(url, present.containsKey("utm_medium"), "utm_medium", dimensions.medium());
        addIfAbsent(url, present.containsKey("utm_campaign"), "utm_campaign", dimensions.campaign());
        return url.build().toUriString();
    }

    private static void addIfAbsent(UriComponentsBuilder url, boolean present, String name, String value) {
        if (!present) {
            url.queryParam(name, UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8));
        }
    }
}
