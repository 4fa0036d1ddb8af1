package io.commerce.journey;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Enters customers into journeys: once per journey and trigger (a repeated event changes nothing), only
 * while the journey is switched on, the first step due after {@code delay}. Publishes {@link
 * JourneyEntered} and counts the entry.
 */
@Component
class Enroller {

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

    /** @return whether a new enrollment was made */
    boolean enroll(Journey journey, String triggerId, String customerId, Map<String, String> context, Duration delay) {
        if (!journey.enabled()) {
            return false;
        }
        var now = clock.instant();
        var id = enrollments.enroll(journey.name(), triggerId, customerId, context, now.plus(delay), now);
        id.ifPresent(enrollmentId -> {
            metrics.entered(journey.name());
            events.publishEvent(
                    new JourneyEntered(enrollmentId.toString(), journey.name(), triggerId, customerId, now));
        });
        return id.isPresent();
    }
}
