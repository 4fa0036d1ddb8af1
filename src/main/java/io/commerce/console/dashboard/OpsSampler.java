package io.commerce.console.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every ten seconds writes what this instance's meters read to {@code ops_sample}: the counters as the amount
 * since the previous sample, the gauges as read. Also tells the dashboard what the counters added since the
 * last sample, so that a message sent a moment ago shows at once.
 */
@Component
class OpsSampler {

    static final Duration KEPT = Duration.ofDays(2);

    private final OpsMeters meters;
    private final OpsHistory history;
    private final Clock clock;
    private final String instance = UUID.randomUUID().toString();
    private OpsMeters.Reading last = new OpsMeters.Reading(0, 0, 0, null, 0, 0, 0, 0, 0, 0);
    private Instant lastAt;

    OpsSampler(OpsMeters meters, OpsHistory history, Clock clock) {
        this.meters = meters;
        this.history = history;
        this.clock = clock;
        this.lastAt = clock.instant(); // the first sample holds what the counters gathered since the start
    }

    @Scheduled(fixedDelayString = "PT10S", initialDelayString = "PT10S")
    synchronized void sample() {
        var now = clock.instant();
        var reading = meters.read();
        history.record(now, instance, Duration.between(lastAt, now).toMillis() / 1000.0, since(reading, last));
        last = reading;
        lastAt = now;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void forgetOld() {
        history.forgetBefore(clock.instant().minus(KEPT));
    }

    /** The live reading, its counters counted from the last sample written. */
    synchronized OpsMeters.Reading sinceLastSample() {
        return since(meters.read(), last);
    }

    private static OpsMeters.Reading since(OpsMeters.Reading now, OpsMeters.Reading before) {
        return new OpsMeters.Reading(
                Math.max(0, now.sent() - before.sent()),
                Math.max(0, now.sendFailures() - before.sendFailures()),
                Math.max(0, now.webhooks() - before.webhooks()),
                now.webhookP99Ms(),
                now.queueDepth(),
                now.oldestDueSeconds(),
                now.stepsDue(),
                now.openConversations(),
                now.waitingConversations(),
                now.oldestWaitingSeconds());
    }
}
