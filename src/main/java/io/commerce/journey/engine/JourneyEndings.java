package io.commerce.journey.engine;

import io.commerce.journey.JourneyEnded;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Every ending of an enrollment is counted and announced here, whether a step decided it (the runner writes
 * it with its group of steps, while the leases are held, then calls {@link #ended}) or an event did (an order
 * placed ends the cart's reminders, {@link #endActive}): the end is counted in {@code journey.ended} and
 * announced as {@link JourneyEnded}, so metrics and listeners see every ending alike. Outcomes are {@code
 * completed}, {@code converted} and {@code exited}.
 */
@Component
public class JourneyEndings {

    public static final String COMPLETED = "completed";
    public static final String CONVERTED = "converted";
    public static final String EXITED = "exited";

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

    /** Counts and announces an end the runner has written. */
    void ended(Enrollment enrollment, Step.End end, Instant now) {
        announce(
                enrollment.id(),
                enrollment.journey(),
                enrollment.customerId(),
                enrollment.step(),
                end.outcome(),
                end.reason(),
                now);
    }

    /**
     * Ends the journey's active enrollments for this trigger that reached {@code fromStep}, from outside the
     * runner.
     *
     * @return how many ended
     */
    public int endActive(String journey, String triggerId, int fromStep, String outcome, String reason) {
        var now = clock.instant();
        var ended = enrollments.endActive(journey, triggerId, fromStep, outcome, reason, now);
        ended.forEach(e -> announce(e.id(), journey, e.customerId(), e.step(), outcome, reason, now));
        return ended.size();
    }

    private void announce(
            UUID id, String journey, String customerId, int step, String outcome, String reason, Instant now) {
        metrics.ended(journey, outcome, reason);
        events.publishEvent(new JourneyEnded(id.toString(), journey, customerId, outcome, reason, step, now));
    }
}
