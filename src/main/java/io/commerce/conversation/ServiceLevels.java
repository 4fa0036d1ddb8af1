package io.commerce.conversation;

import io.commerce.conversation.hours.BusinessHours;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The service levels, counted in business hours only (a night, a weekend or a closure day does not make an
 * answer late): the first response (from when the customer began waiting for a person to an agent's first
 * answer; the bot's answers do not count) and the resolution (from opening to resolved). Each is kept on the
 * conversation when it happens and recorded in the meters {@code conversation.first.response} and {@code
 * conversation.resolution} per agent; ratings go to {@code conversation.rating}.
 */
@Component
class ServiceLevels {

    private final Conversations conversations;
    private final BusinessHours hours;
    private final MeterRegistry registry;
    private final Clock clock;

    ServiceLevels(Conversations conversations, BusinessHours hours, MeterRegistry registry, Clock clock) {
        this.conversations = conversations;
        this.hours = hours;
        this.registry = registry;
        this.clock = clock;
    }

    /** An agent answered: the first answer of the conversation sets its first response time. */
    void agentAnswered(ConversationRow conversation, String agentId) {
        var now = clock.instant();
        if (conversation.firstResponseAt() != null) {
            conversations
                    .update(conversation.id(), "agent_replied_at = :now")
                    .with("now", now)
                    .run();
            return;
        }
        var waitedFrom = conversation.queuedAt() != null ? conversation.queuedAt() : conversation.openedAt();
        var waited = businessTime(waitedFrom, now);
        conversations
                .update(conversation.id(), """
                        agent_replied_at = :now, first_response_at = :now, first_responder = :agent,
                        first_response_seconds = :seconds""")
                .with("now", now)
                .with("agent", agentId)
                .with("seconds", waited.toSeconds())
                .run();
        Timer.builder("conversation.first.response")
                .description("Time to an agent's first answer, in business hours")
                .tag("agent", agentId)
                .register(registry)
                .record(waited);
    }

    /** The conversation was resolved now; returns the business time it took. */
    Duration resolved(ConversationRow conversation, @Nullable String agentId) {
        var took = businessTime(conversation.openedAt(), clock.instant());
        conversations
                .update(conversation.id(), "resolution_seconds = :seconds, resolved_by = :agent")
                .with("seconds", took.toSeconds())
                .with("agent", agentId)
                .run();
        Timer.builder("conversation.resolution")
                .description("Time from opening to resolution, in business hours")
                .tag("agent", agentId == null ? "none" : agentId)
                .register(registry)
                .record(took);
        return took;
    }

    void rated(@Nullable String agentId, int rating) {
        DistributionSummary.builder("conversation.rating")
                .description("Customer satisfaction ratings (1-5) of resolved conversations")
                .tag("agent", agentId == null ? "none" : agentId)
                .register(registry)
                .record(rating);
    }

    private Duration businessTime(Instant from, Instant to) {
        return to.isAfter(from) ? hours.calendar().businessTimeBetween(from, to) : Duration.ZERO;
    }
}
