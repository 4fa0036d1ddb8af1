package io.commerce.console.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The operations view's data: the figures of the moment (the queue, the send rate against the number's limit,
 * webhook p99, journey steps due, open and waiting conversations), failures by error code, and the charts of
 * the last hour (a point a minute) or day (a point every 15 minutes).
 */
@Component
class Dashboard {

    /** What the dashboard shows, as {@code /console/dashboard/data} answers it. */
    record Data(String range, Now now, List<OpsHistory.FailureCount> failures, List<OpsHistory.Point> series) {}

    /** The figures of the moment; {@code sentInRange} and {@code failuresInRange} count to this very moment. */
    record Now(
            long queueDepth,
            long oldestDueSeconds,
            double sendRate,
            int sendLimit,
            @Nullable Double webhookP99Ms,
            long stepsDue,
            long openConversations,
            long waitingConversations,
            long oldestWaitingSeconds,
            long sentInRange,
            long failuresInRange) {}

    private final OpsHistory history;
    private final OpsSampler sampler;
    private final int sendLimit;
    private final Clock clock;

    Dashboard(
            OpsHistory history,
            OpsSampler sampler,
            @Value("${commerce.messaging.whatsapp.messages-per-second:80}") int sendLimit,
            Clock clock) {
        this.history = history;
        this.sampler = sampler;
        this.sendLimit = sendLimit;
        this.clock = clock;
    }

    Data data(String range) {
        var day = "day".equals(range);
        var now = clock.instant();
        var since = now.minus(day ? Duration.ofDays(1) : Duration.ofHours(1));
        var series = history.points(since, now, day ? Duration.ofMinutes(15) : Duration.ofMinutes(1));
        var pending = sampler.sinceLastSample();
        var lastMinute = history.points(now.minusSeconds(60), now, Duration.ofMinutes(1)).stream()
                .mapToLong(OpsHistory.Point::sent)
                .sum();
        var figures = new Now(
                pending.queueDepth(),
                pending.oldestDueSeconds(),
                (lastMinute + pending.sent()) / 60.0,
                sendLimit,
                pending.webhookP99Ms(),
                pending.stepsDue(),
                pending.openConversations(),
                pending.waitingConversations(),
                pending.oldestWaitingSeconds(),
                series.stream().mapToLong(OpsHistory.Point::sent).sum() + pending.sent(),
                series.stream().mapToLong(OpsHistory.Point::sendFailures).sum() + pending.sendFailures());
        return new Data(day ? "day" : "hour", figures, history.failuresByCode(since), series);
    }
}
