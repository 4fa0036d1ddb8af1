package io.commerce.journey;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Journey meters, tagged by journey (and step where it applies): {@code journey.entered}, {@code
 * journey.steps} (outcome: next, awaiting_reply, completed, converted, exited, failed), {@code
 * journey.ended} (outcome and reason), {@code journey.replies} and {@code journey.handoffs}. Messages a
 * journey queued, and the guardrail that held them, are in {@code messaging.sends} under the tag {@code
 * origin=<journey>/<step>}.
 */
@Component
class JourneyMetrics {

    private final MeterRegistry registry;

    JourneyMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void entered(String journey) {
        registry.counter("journey.entered", "journey", journey).increment();
    }

    void step(String journey, int step, String outcome) {
        registry.counter("journey.steps", "journey", journey, "step", Integer.toString(step), "outcome", outcome)
                .increment();
    }

    void ended(String journey, String outcome, String reason) {
        registry.counter(
                        "journey.ended",
                        "journey",
                        journey,
                        "outcome",
                        outcome,
                        "reason",
                        reason == null ? "none" : reason)
                .increment();
    }

    void reply(String journey) {
        registry.counter("journey.replies", "journey", journey).increment();
    }

    void handoff(String reason) {
        registry.counter("journey.handoffs", "reason", reason).increment();
    }
}
