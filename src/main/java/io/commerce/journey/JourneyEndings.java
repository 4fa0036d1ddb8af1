package io.commerce.journey;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one way an enrollment ends, whether a step decided it (through the runner, while its lease is held) or
 * an event did (an order placed ends the cart's reminders): either way the end is counted in {@code
 * journey.ended} and announced as {@link JourneyEnded}, so metrics and listeners see every ending alike.
 * Outcomes are {@code completed}, {@code converted} and {@code exited}.
 */
@Component
class JourneyEndings {

    static final String COMPLETED = "completed";
    static final String CONVERTED = "converted";
    static final String EXITED = "exited";

    private final Enrollments enrollments;
    private final JourneyMetrics metrics;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    JourneyEndings(Enrollments enrollments, JourneyMetrics metrics, ApplicationEventPublisher events, Clock clock) {
        this.enrollments = enrollments;
        this.metrics = metrics;
        this.events = events;
        this.clock = clock;
    }

    /** Ends an enrollment the caller holds the lease of; false when the lease was lost (roll back). */
    boolean end(Enrollment enrollment, String outcome, String reason, Instant now) {
        if (!enrollments.end(enrollment, status(outcome), reason, now)) {
            return false;
        }
        announce(
                enrollment.id(),
                enrollment.journey(),
                enrollment.customerId(),
                enrollment.step(),
                outcome,
                reason,
                now);
        return true;
    }

    /**
     * Ends the journey's active enrollments for this trigger that reached {@code fromStep}, from outside the
     * runner.
     *
     * @return how many ended
     */
    int endActive(String journey, String triggerId, int fromStep, String outcome, String reason) {
        var now = clock.instant();
        var ended = enrollments.endActive(journey, triggerId, fromStep, status(outcome), reason, now);
        ended.forEach(e -> announce(e.id(), journey, e.customerId(), e.step(), outcome, reason, now));
        return ended.size();
    }

    private void announce(
            UUID id, String journey, String customerId, int step, String outcome, String reason, Instant now) {
        metrics.ended(journey, outcome, reason);
        events.publishEvent(new JourneyEnded(id.toString(), journey, customerId, outcome, reason, step, now));
    }

    private static String status(String outcome) {
        return outcome.toUpperCase(Locale.ROOT);
    }
}
