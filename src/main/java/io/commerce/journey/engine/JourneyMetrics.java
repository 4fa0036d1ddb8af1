package io.commerce.journey.engine;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Journey meters, tagged by journey (and step where it applies): {@code journey.entered}, {@code
 * journey.steps} (outcome: next, awaiting_reply, completed, converted, exited, failed), {@code
 * journey.ended} (outcome and reason), {@code journey.replies} and {@code journey.handoffs}. Messages a
 * journey queued, and the guardrail that held them, are in {@code messaging.sends} under the tag {@code
 * origin=<journey>/<step>}.
 */
@Component
public class JourneyMetrics {

    private final MeterRegistry registry;

    JourneyMetrics(MeterRegistry registry) {
        this.registry = registry;
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
