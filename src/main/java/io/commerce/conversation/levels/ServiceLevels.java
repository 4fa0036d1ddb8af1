package io.commerce.conversation.levels;

import io.commerce.conversation.hours.BusinessHours;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The service levels, counted in business hours only (a night, a weekend or a closure day does not make an
 * answer late): the first response (from when the customer began waiting for a person to an agent's first
 * answer; the bot's answers do not count) and the resolution (from opening to resolved). Each is kept on the
 * conversation when it happens and recorded in the meters {@code conversation.first.response} and {@code
 * conversation.resolution} per agent; ratings go to {@code conversation.rating}.
 */
@Component
public class ServiceLevels {

    private final JdbcClient jdbc;
    private final BusinessHours hours;
    private final MeterRegistry registry;
    private final ServiceLevelReports reports;
    private final Clock clock;

    ServiceLevels(
            JdbcClient jdbc, BusinessHours hours, MeterRegistry registry, ServiceLevelReports reports, Clock clock) {
        this.reports = reports;
        this.jdbc = jdbc;
        this.hours = hours;
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * An agent answered the conversation now; its first answer sets the first response time, measured from
     * {@code waitedFrom} (when the customer began waiting for a person).
     */
    public void agentAnswered(UUID conversationId, boolean answeredBefore, Instant waitedFrom, String agentId) {
        var now = clock.instant();
        if (answeredBefore) {
            jdbc.sql("update conversation set agent_replied_at = :now where id = :id")
                    .param("now", Timestamp.from(now))
                    .param("id", conversationId)
                    .update();
            return;
        }
        var waited = businessTime(waitedFrom, now);
        jdbc.sql("""
                        update conversation set agent_replied_at = :now, first_response_at = :now,
                               first_responder = :agent, first_response_seconds = :seconds
                         where id = :id
                        """)
                .param("now", Timestamp.from(now))
                .param("agent", agentId)
                .param("seconds", waited.toSeconds())
                .param("id", conversationId)
                .update();
        Timer.builder("conversation.first.response")
                .description("Time to an agent's first answer, in business hours")
                .tag("agent", agentId)
                .register(registry)
                .record(waited);
    }

    /** The conversation opened at {@code openedAt} was resolved now, by (or with) {@code agentId}. */
    public void resolved(UUID conversationId, Instant openedAt, @Nullable String agentId) {
        var took = businessTime(openedAt, clock.instant());
        jdbc.sql("update conversation set resolution_seconds = :seconds, resolved_by = :agent where id = :id")
                .param("seconds", took.toSeconds())
                .param("agent", agentId)
                .param("id", conversationId)
                .update();
        Timer.builder("conversation.resolution")
                .description("Time from opening to resolution, in business hours")
                .tag("agent", agentId == null ? "none" : agentId)
                .register(registry)
                .record(took);
    }

    public void rated(@Nullable String agentId, int rating) {
        DistributionSummary.builder("conversation.rating")
                .description("Customer satisfaction ratings (1-5) of resolved conversations")
                .tag("agent", agentId == null ? "none" : agentId)
                .register(registry)
                .record(rating);
    }

    private Duration businessTime(Instant from, Instant to) {
        return to.isAfter(from) ? hours.calendar().businessTimeBetween(from, to) : Duration.ZERO;
    }

    /** Service levels of the conversations opened from {@code from} to {@code to}, overall and per agent. */
    public ServiceLevelReport report(Instant from, Instant to) {
        return reports.report(from, to);
    }
}
