package io.commerce.journey.engine;

import io.commerce.journey.JourneyEntered;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Enters customers into journeys: once per journey and trigger (a repeated event changes nothing), only
 * while the journey is switched on, the first step due after {@code delay} or at a given time. Publishes {@link
 * JourneyEntered} and counts the entry.
 */
@Component
public class Enroller {

    private final Enrollments enrollments;
    private final JourneyMetrics metrics;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Enroller(Enrollments enrollments, JourneyMetrics metrics, ApplicationEventPublisher events, Clock clock) {
        this.enrollments = enrollments;
        this.metrics = metrics;
        this.events = events;
        this.clock = clock;
    }

    /** Someone to enroll: the trigger (unique per journey), the customer and what the steps need to know. */
    public record Candidate(String triggerId, String customerId, Map<String, String> context) {}

    /** @return whether a new enrollment was made */
    public boolean enroll(
            Journey journey, String triggerId, String customerId, Map<String, String> context, Duration delay) {
        return enrollAt(journey, triggerId, customerId, context, clock.instant().plus(delay));
    }

    /**
     * As {@link #enroll}, the first step due at {@code runAt} (an hour after a cart's change, days after a
     * delivery); a time already past is due at once.
     */
    public boolean enrollAt(
            Journey journey, String triggerId, String customerId, Map<String, String> context, Instant runAt) {
        if (!journey.enabled()) {
            return false;
        }
        var now = clock.instant();
        var id = enrollments.enroll(journey.name(), triggerId, customerId, context, runAt, now);
        id.ifPresent(enrollmentId -> {
            metrics.entered(journey.name());
            events.publishEvent(
                    new JourneyEntered(enrollmentId.toString(), journey.name(), triggerId, customerId, now));
        });
        return id.isPresent();
    }

    /**
     * Enrolls a batch in one statement (a scan's page), each once per journey and trigger, due after {@code
     * delay}; each new enrollment is counted and published like a single one.
     *
     * @return how many new enrollments were made
     */
    public int enrollAll(Journey journey, List<Candidate> candidates, Duration delay) {
        if (!journey.enabled()) {
            return 0;
        }
        var now = clock.instant();
        var entered = enrollments.enrollAll(journey.name(), candidates, now.plus(delay), now);
        entered.forEach(enrollment -> {
            metrics.entered(journey.name());
            events.publishEvent(new JourneyEntered(
                    enrollment.id().toString(), journey.name(), enrollment.triggerId(), enrollment.customerId(), now));
        });
        return entered.size();
    }
}
