package io.commerce.conversation.levels;

import io.commerce.conversation.ConversationProperties;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How long a customer waiting for a person can expect to wait, in whole minutes: the median first response
 * (in business hours) of the conversations first answered in the last week, or {@code
 * commerce.conversation.expected-wait} while there are none, rounded up, at least one minute. Worked out at
 * most once a minute: every acknowledgement states it, and a week's median does not move faster.
 */
@Component
public class WaitEstimate {

    private static final Duration FRESH_FOR = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final ConversationProperties properties;
    private final Clock clock;
    private final AtomicReference<Estimate> last = new AtomicReference<>();

    private record Estimate(long minutes, Instant madeAt) {}

    WaitEstimate(JdbcClient jdbc, ConversationProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    public long minutes() {
        var now = clock.instant();
        var known = last.get();
        if (known != null && known.madeAt().plus(FRESH_FOR).isAfter(now)) {
            return known.minutes();
        }
        var minutes = estimate();
        last.set(new Estimate(minutes, now));
        return minutes;
    }

    private long estimate() {
        var median = jdbc.sql("""
                        select percentile_cont(0.5) within group (order by first_response_seconds)
                          from conversation where first_response_at >= :since
                        """)
                .param("since", Timestamp.from(clock.instant().minus(Duration.ofDays(7))))
                .query(Double.class)
                .optional()
                .map(seconds -> Duration.ofSeconds(Math.round(seconds)))
                .orElse(properties.expectedWait());
        return Math.max(1, (median.toSeconds() + 59) / 60);
    }
}
