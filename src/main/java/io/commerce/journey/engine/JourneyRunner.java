package io.commerce.journey.engine;

import io.commerce.customer.CustomerService;
import io.commerce.journey.engine.Decisions.Decision;
import io.commerce.messaging.MessagingService;
import io.commerce.shared.CommerceException;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Advances due enrollments. A batch is leased with FOR UPDATE SKIP LOCKED, so runners on any number of
 * instances never take the same enrollment; its steps then run a few to a transaction (several transactions
 * at once, on virtual threads), which writes the steps' messages to the outbox and the enrollments' advances
 * together and commits only while the leases are still held; when one step of such a group fails, the group
 * rolls back and each of its steps runs again in a transaction of its own. Before every step the runner checks the journey is still
 * on and the customer still exists. A step refused by the rules ({@link CommerceException}) ends the
 * enrollment with the refusal's code; any other failure rolls the step back alone and is retried later; a
 * runner that dies leaves a lease that runs out.
 */
@Component
public class JourneyRunner {

    private static final Logger log = LoggerFactory.getLogger(JourneyRunner.class);

    private final Map<String, Journey> journeys;
    private final Enrollments enrollments;
    private final Decisions decisions;
    private final CustomerService customers;
    private final MessagingService messaging;
    private final TransactionTemplate transaction;
    private final JourneyMetrics metrics;
    private final JourneyEndings endings;
    private final JourneyProperties properties;
    private final Clock clock;
    private final EntityManager entityManager;

    JourneyRunner(
            List<Journey> journeys,
            Enrollments enrollments,
            Decisions decisions,
            CustomerService customers,
            MessagingService messaging,
            TransactionTemplate transaction,
            JourneyMetrics metrics,
            JourneyEndings endings,
            JourneyProperties properties,
            Clock clock,
            EntityManager entityManager) {
        this.journeys = journeys.stream().collect(Collectors.toMap(Journey::name, Function.identity()));
        this.enrollments = enrollments;
        this.decisions = decisions;
        this.customers = customers;
        this.messaging = messaging;
        this.transaction = transaction;
        this.metrics = metrics;
        this.endings = endings;
        this.properties = properties;
        this.clock = clock;
        this.entityManager = entityManager;
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
    public int runOnce() {
        var due = transaction.execute(
                status -> enrollments.claimDue(properties.batchSize(), clock.instant(), properties.lease()));
        var slots = new Semaphore(properties.concurrency());
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int from = 0; from < due.size(); from += properties.stepsPerTransaction()) {
                var chunk = due.subList(from, Math.min(due.size(), from + properties.stepsPerTransaction()));
                slots.acquireUninterruptibly();
                executor.execute(() -> {
                    try {
                        advanceTogether(chunk);
                    } finally {
                        slots.release();
                    }
                });
            }
        }
        return due.size();
    }

    /**
     * Several steps in one transaction, as the common case is that every step succeeds; their decisions, and
     * the messages they queued, are written together at the end. If any step fails or refuses, or a lease was
     * lost, the whole transaction rolls back and each step runs again alone.
     */
    private void advanceTogether(List<Enrollment> chunk) {
        if (chunk.size() > 1) {
            try {
                transaction.executeWithoutResult(status -> {
                    // the chunk's customers, consents and windows read once for all its steps
                    var found = customers.findAll(chunk.stream()
                            .map(Enrollment::customerId)
                            .distinct()
                            .toList());
                    messaging.queueTogether(found, () -> {
                        var decisions = new ArrayList<Decision>(chunk.size());
                        for (var enrollment : chunk) {
                            decisions.add(new Decision(enrollment, decide(enrollment, found::containsKey)));
                            // what a step read stays out of the next one's flushes (dirty checks grow with each entity)
                            entityManager.flush();
                            entityManager.clear();
                        }
                        recordHeld(decisions);
                    });
                });
                return;
            } catch (RuntimeException any) {
                // fall through: one by one, so each step gets its own outcome
            }
        }
        chunk.forEach(this::advance);
    }

    private void advance(Enrollment enrollment) {
        try {
            transaction.executeWithoutResult(status ->
                    recordHeld(List.of(new Decision(enrollment, decide(enrollment, customers::exists)))));
        } catch (LeaseLostException e) {
            log.warn("enrollment {} was taken over by another runner; this run is rolled back", enrollment.id());
        } catch (CommerceException refused) {
            // the step's writes are rolled back; the refusal (no consent, an order gone…) ends the enrollment
            transaction.executeWithoutResult(
                    status -> record(List.of(new Decision(enrollment, Step.exit(refused.code())))));
        } catch (RuntimeException e) {
            log.warn(
                    "step {} of {} failed for enrollment {}: {}",
                    enrollment.step(),
                    enrollment.journey(),
                    enrollment.id(),
                    e.toString());
            metrics.step(enrollment.journey(), enrollment.step(), "failed");
            var now = clock.instant();
            transaction.executeWithoutResult(status -> {
                if (enrollment.attempts() + 1 >= properties.maxAttempts()) {
                    record(List.of(new Decision(enrollment, Step.exit("STEP_FAILED"))));
                } else {
                    enrollments.retryLater(enrollment, now.plus(properties.retryBackoff()), now);
                }
            });
        }
    }

    private Step decide(Enrollment enrollment, Predicate<String> customerExists) {
        var journey = journeys.get(enrollment.journey());
        if (journey == null) {
            return Step.exit("JOURNEY_REMOVED");
        }
        if (!journey.enabled()) {
            return Step.exit("JOURNEY_DISABLED");
        }
        if (!customerExists.test(enrollment.customerId())) {
            return Step.exit("CUSTOMER_ERASED");
        }
        return journey.run(enrollment);
    }

    /** Records the decisions; a lost lease throws, so that the transaction rolls back, messages included. */
    private void recordHeld(List<Decision> decisions) {
        if (!record(decisions)) {
            throw new LeaseLostException();
        }
    }

    /**
     * Writes the decisions, and once written counts each step and announces each end (the meters wait for the
     * commit); false, with nothing counted, when a lease was lost.
     */
    private boolean record(List<Decision> decisions) {
        var now = clock.instant();
        if (!this.decisions.record(decisions, now)) {
            return false;
        }
        for (var decision : decisions) {
            var enrollment = decision.enrollment();
            metrics.step(
                    enrollment.journey(), enrollment.step(), decision.next().outcome());
            if (decision.next() instanceof Step.End end) {
                endings.ended(enrollment, end, now);
            }
        }
        return true;
    }

    /** The lease ran out and another runner advanced the enrollment: roll this run back, messages included. */
    private static final class LeaseLostException extends RuntimeException {
        LeaseLostException() {
            super("lease lost");
        }
    }
}
