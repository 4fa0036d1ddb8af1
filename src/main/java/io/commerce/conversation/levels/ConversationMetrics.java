package io.commerce.conversation.levels;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What operators watch of customer service, refreshed every five seconds in the background (as the queue's
 * gauges are), never on a scrape or a dashboard request: counting the unresolved conversations takes a while
 * when there are hundreds of thousands:
 * {@code conversation.open} (unresolved conversations), {@code conversation.waiting} (customers waiting for
 * a person's answer) and {@code conversation.waiting.oldest} (how long the longest of them has waited, in
 * seconds).
 */
@Component
class ConversationMetrics {

    private record Snapshot(long open, long waiting, double oldestSeconds) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AtomicReference<Snapshot> last = new AtomicReference<>(new Snapshot(0, 0, 0));

    ConversationMetrics(JdbcClient jdbc, Clock clock, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.clock = clock;
        Gauge.builder("conversation.open", this, metrics -> metrics.last.get().open())
                .description("Conversations not resolved")
                .register(registry);
        Gauge.builder(
                        "conversation.waiting",
                        this,
                        metrics -> metrics.last.get().waiting())
                .description("Customers waiting for a person's answer")
                .register(registry);
        Gauge.builder(
                        "conversation.waiting.oldest",
                        this,
                        metrics -> metrics.last.get().oldestSeconds())
                .description("How long the customer waiting longest for a person has waited")
                .baseUnit("seconds")
                .register(registry);
    }

    @Scheduled(fixedDelayString = "PT5S")
    void refresh() {
        var now = clock.instant();
        var fresh = jdbc.sql("""
                        select count(*) as open,
                               count(*) filter (where queued_at is not null
                                   and (agent_replied_at is null or agent_replied_at < queued_at)) as waiting,
                               min(queued_at) filter (where queued_at is not null
                                   and (agent_replied_at is null or agent_replied_at < queued_at)) as oldest
                          from conversation where status <> 'RESOLVED'
                        """)
                .query((rs, n) -> {
                    Timestamp oldest = rs.getTimestamp("oldest");
                    return new Snapshot(
                            rs.getLong("open"),
                            rs.getLong("waiting"),
                            oldest == null
                                    ? 0
                                    : Duration.between(oldest.toInstant(), now).toMillis() / 1000.0);
                })
                .single();
        last.set(fresh);
    }
}
