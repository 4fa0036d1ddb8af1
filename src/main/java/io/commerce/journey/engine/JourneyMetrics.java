package io.commerce.journey.engine;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Journey meters, tagged by journey (and step where it applies): {@code journey.entered}, {@code
 * journey.steps} (outcome: next, awaiting_reply, completed, converted, exited, failed), {@code
 * journey.ended} (outcome and reason), {@code journey.replies} and {@code journey.handoffs}. Messages a
 * journey queued, and the guardrail that held them, are in {@code messaging.sends} under the tag {@code
 * origin=<journey>/<step>}. {@code journey.steps.due}: the steps due now and not yet run (the runner's backlog),
 * refreshed every few seconds.
 */
@Component
public class JourneyMetrics {

    private final MeterRegistry registry;
    private final Enrollments enrollments;
    private final Clock clock;
    private final AtomicLong due = new AtomicLong();

    JourneyMetrics(MeterRegistry registry, Enrollments enrollments, Clock clock) {
        this.registry = registry;
        this.enrollments = enrollments;
        this.clock = clock;
        Gauge.builder("journey.steps.due", due, AtomicLong::get)
                .description("journey steps due now and not yet run")
                .register(registry);
    }

    @Scheduled(fixedDelayString = "PT5S")
    void refreshDue() {
        due.set(enrollments.dueCount(clock.instant()));
    }

    void entered(String journey) {
        count("journey.entered", "journey", journey);
    }

    void step(String journey, int step, String outcome) {
        count("journey.steps", "journey", journey, "step", Integer.toString(step), "outcome", outcome);
    }

    void ended(String journey, String outcome, String reason) {
        count("journey.ended", "journey", journey, "outcome", outcome, "reason", reason == null ? "none" : reason);
    }

    void reply(String journey) {
        count("journey.replies", "journey", journey);
    }

    public void handoff(String reason) {
        count("journey.handoffs", "reason", reason);
    }

    /**
     * Inside a transaction the count waits for the commit: a transaction rolled back (a group of steps run
     * again one by one) counts nothing.
     */
    private void count(String name, String... tags) {
        var counter = registry.counter(name, tags);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            counter.increment();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counter.increment();
            }
        });
    }
}
