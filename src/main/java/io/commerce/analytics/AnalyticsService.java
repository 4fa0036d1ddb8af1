package io.commerce.analytics;

import io.commerce.conversation.ConversationService;
import io.commerce.messaging.TrackedLink;
import io.commerce.shared.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriUtils;

/** The analytics module's public face: follow a tracked link, and report what messages did and earned. */
@Service
public class AnalyticsService {

    /** The longest period a report covers. */
    static final Duration LONGEST_PERIOD = Duration.ofDays(2 * 366);

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private final ClickRecorder recorder;
    private final Performance performance;
    private final Retention retention;
    private final ConversationService conversations;
    private final AnalyticsProperties properties;
    private final Clock clock;

    AnalyticsService(
            ClickRecorder recorder,
            Performance performance,
            Retention retention,
            ConversationService conversations,
            AnalyticsProperties properties,
            Clock clock) {
        this.recorder = recorder;
        this.performance = performance;
        this.retention = retention;
        this.conversations = conversations;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Where a tracked link goes: the URL its message carried, with {@code utm_source}, {@code utm_medium} and
     * {@code utm_campaign} added (unless it has them); the request is recorded, and counts as a click unless a
     * robot made it. Empty for an unknown token: nothing else is ever a destination.
     */
    public Optional<String> follow(String token, String method, String userAgent) {
        if (!TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return recorder.follow(token, Robots.isRobot(method, userAgent))
                .map(followed -> destination(followed.link(), Dimensions.of(followed.link())));
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

    /** Ratings of deliveries and conversations, and opt-outs per delivered message, over the period. */
    @Transactional(readOnly = true)
    public Sentiment sentiment(Instant from, Instant to) {
        checkPeriod(from, to);
        var ratings = conversations.ratings(from, to);
        var rows = performance.rows(from, to, GroupBy.SOURCE, properties.currency());
        var optedOut = rows.stream().mapToLong(PerformanceRow::optedOut).sum();
        var delivered = rows.stream().mapToLong(PerformanceRow::delivered).sum();
        return new Sentiment(
                ratings.deliveries(),
                ratings.conversations(),
                optedOut,
                delivered,
                delivered == 0 ? null : Math.round(1_000_000.0 * optedOut / delivered) / 1_000_000.0);
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
        var utm = new LinkedHashMap<String, String>();
        utm.put("utm_source", link.channel().name().toLowerCase(Locale.ROOT));
        utm.put("utm_medium", dimensions.medium());
        utm.put("utm_campaign", dimensions.campaign());
        return withParameters(link.url(), utm);
    }

    /**
     * The URL with each parameter added to its query unless the query has one of that name already, before any
     * {@code #fragment}; the rest of the URL exactly as it was.
     */
    static String withParameters(String url, Map<String, String> parameters) {
        var hash = url.indexOf('#');
        var head = hash < 0 ? url : url.substring(0, hash);
        var question = head.indexOf('?');
        var query = question < 0 ? "" : head.substring(question + 1);
        var out = new StringBuilder(url.length() + 96).append(head);
        var separator = question < 0 ? "?" : query.isEmpty() || query.endsWith("&") ? "" : "&";
        for (var parameter : parameters.entrySet()) {
            if (!hasParameter(query, parameter.getKey())) {
                out.append(separator)
                        .append(parameter.getKey())
                        .append('=')
                        .append(UriUtils.encodeQueryParam(parameter.getValue(), StandardCharsets.UTF_8));
                separator = "&";
            }
        }
        return out.append(hash < 0 ? "" : url.substring(hash)).toString();
    }

    private static boolean hasParameter(String query, String name) {
        for (var part : query.split("&")) {
            if (part.equals(name) || part.startsWith(name + "=")) {
                return true;
            }
        }
        return false;
    }
}
