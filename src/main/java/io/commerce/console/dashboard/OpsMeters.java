package io.commerce.console.dashboard;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Reads this instance's meters, the ones Prometheus scrapes: sends by outcome, webhook deliveries and their
 * processing p99, the queue, journey steps due, open and waiting conversations.
 */
@Component
class OpsMeters {

    /** Outcomes of {@code messaging.sends} that are not failures: sent, held by a rule, sent but not recorded. */
    private static final Set<String> NOT_FAILED = Set.of("sent", "refused", "unrecorded");

    /** One reading; counters are totals since this instance started. */
    record Reading(
            long sent,
            long sendFailures,
            long webhooks,
            @Nullable Double webhookP99Ms,
            long queueDepth,
            long oldestDueSeconds,
            long stepsDue,
            long openConversations,
            long waitingConversations,
            long oldestWaitingSeconds) {}

    private final MeterRegistry registry;

    OpsMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    Reading read() {
        long sent = 0;
        long failures = 0;
        for (var counter : registry.find("messaging.sends").counters()) {
            var outcome = counter.getId().getTag("outcome");
            if ("sent".equals(outcome)) {
                sent += (long) counter.count();
            } else if (!NOT_FAILED.contains(outcome)) {
                failures += (long) counter.count();
            }
        }
        var webhooks = registry.find("messaging.webhooks").counters().stream()
                .mapToLong(counter -> (long) counter.count())
                .sum();
        return new Reading(
                sent,
                failures,
                webhooks,
                webhookP99Ms(),
                gauge("messaging.queue.depth"),
                gauge("messaging.queue.oldest.due.age"),
                gauge("journey.steps.due"),
                gauge("conversation.open"),
                gauge("conversation.waiting"),
                gauge("conversation.waiting.oldest"));
    }

    /** The largest p99 over the providers' processing timers (Micrometer's window of the last minutes). */
    private @Nullable Double webhookP99Ms() {
        Double worst = null;
        for (Timer timer : registry.find("messaging.webhook.processing").timers()) {
            for (ValueAtPercentile value : timer.takeSnapshot().percentileValues()) {
                if (Math.abs(value.percentile() - 0.99) < 1e-9) {
                    var ms = value.value(TimeUnit.MILLISECONDS);
                    worst = worst == null ? ms : Math.max(worst, ms);
                }
            }
        }
        return worst;
    }

    private long gauge(String name) {
        return registry.find(name).gauges().stream()
                .mapToLong(gauge -> (long) gauge.value())
                .max()
                .orElse(0);
    }
}
