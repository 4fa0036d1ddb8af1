package io.commerce.journey;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Advances due enrollments. A batch is leased with FOR UPDATE SKIP LOCKED, so runners on any number of
 * instances never take the same enrollment; each step then runs in its own transaction, which writes the
 * step's messages to the outbox and the enrollment's advance together and commits only while the lease is
 * still held. A failing step rolls back alone and is retried later; a runner that dies leaves a lease that
 * runs out.
 */
@Component
class JourneyRunner {

    private static final Logger log = LoggerFactory.getLogger(JourneyRunner.class);

    private final Map<String, Journey> journeys;
    private final Enrollments enrollments;
    private final TransactionTemplate transaction;
    private final JourneyProperties properties;
    private final Clock clock;

    JourneyRunner(
            List<Journey> journeys,
            Enrollments enrollments,
            TransactionTemplate transaction,
            JourneyProperties properties,
            Clock clock) {
        this.journeys = journeys.stream().collect(Collectors.toMap(Journey::name, Function.identity()));
        this.enrollments = enrollments;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${commerce.journey.poll-interval:PT1S}")
    void poll() {
        if (properties.runnerEnabled()) {
            while (runOnce() > 0) {
                // next batch
            }
        }
    }

    /** Leases one batch of due enrollments and advances each; returns how many. */
    int runOnce() {
        var due = transaction.execute(
                status -> enrollments.claimDue(properties.batchSize(), clock.instant(), properties.lease()));
        due.forEach(this::advance);
        return due.size();
    }

    private void advance(Enrollment enrollment) {
        var journey = journeys.get(enrollment.journey());
        try {
            transaction.executeWithoutResult(status -> {
                var next = journey == null ? Step.exit("JOURNEY_REMOVED") : journey.run(enrollment);
                if (!record(enrollment, next, clock.instant())) {
                    throw new LeaseLostException(enrollment);
                }
            });
        } catch (LeaseLostException e) {
            log.warn("enrollment {} was taken over by another runner; this run is rolled back", enrollment.id());
        } catch (RuntimeException e) {
            log.warn(
                    "step {} of {} failed for enrollment {}: {}",
                    enrollment.step(),
                    enrollment.journey(),
                    enrollment.id(),
                    e.toString());
            var now = clock.instant();
            transaction.executeWithoutResult(status -> {
                if (enrollment.attempts() + 1 >= properties.maxAttempts()) {
                    enrollments.end(enrollment, "EXITED", "STEP_FAILED", now);
                } else {
                    enrollments.retryLater(enrollment, now.plus(properties.retryBackoff()), now);
                }
            });
        }
    }

    private boolean record(Enrollment enrollment, Step next, Instant now) {
        return switch (next) {
            case Step.Next wait -> enrollments.advance(enrollment, wait.step(), now.plus(wait.after()), now);
            case Step.Complete done -> enrollments.end(enrollment, "COMPLETED", null, now);
            case Step.Exit exit -> enrollments.end(enrollment, "EXITED", exit.reason(), now);
        };
    }

    /** The lease ran out and another runner advanced the enrollment: roll this run back, messages included. */
    private static final class LeaseLostException extends RuntimeException {
        LeaseLostException(Enrollment enrollment) {
            super("lease lost on enrollment " + enrollment.id());
        }
    }
}
