package io.commerce.analytics;

import io.commerce.messaging.MessagingService;
import io.commerce.messaging.TrackedLink;
import io.commerce.shared.Channel;
import io.commerce.shared.GroupCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Follows tracked links by the thousand: concurrent requests share writes ({@link GroupCommit}); a batch looks up
 * its tokens, then records its clicks and adds the people's to the funnel in one statement (its own transaction:
 * no begin and commit round trips), and each request is answered once its click is committed.
 */
@Component
class ClickRecorder {

    /** A request for a token, by a robot or not, at a time. */
    private record Request(String token, boolean robot, Instant at) {}

    /** The link a request followed, and whether it was its message's first click by a person. */
    record Followed(TrackedLink link, boolean first) {}

    /**
     * One writer: a batch is two statements and no transaction round trips, so while one is written the next
     * gathers; a second writer halved the batches and cost more processor time than its overlap won (docs/benchmarks.md).
     */
    private final GroupCommit<Request, Optional<Followed>> commits =
            new GroupCommit<>("click-writer", 1, 200, this::timed);

    /** How a request counted: a robot's, a message's first click by a person, or a repeat. */
    private enum Kind {
        ROBOT,
        FIRST,
        REPEAT
    }

    private final MessagingService messaging;
    private final Clicks clicks;
    private final Clock clock;
    private final Timer batchTime;
    private final DistributionSummary batchSize;
    /** {@code analytics.clicks{channel,kind}}, registered once: looking a meter up per click was garbage. */
    private final Map<Channel, Map<Kind, Counter>> counted = new EnumMap<>(Channel.class);

    ClickRecorder(MessagingService messaging, Clicks clicks, MeterRegistry meters, Clock clock) {
        this.messaging = messaging;
        this.clicks = clicks;
        this.clock = clock;
        batchTime = Timer.builder("analytics.clicks.batch")
                .description("time to write a batch of clicks, its commit included")
                .register(meters);
        batchSize = DistributionSummary.builder("analytics.clicks.batch.size")
                .description("clicks written together")
                .register(meters);
        for (var channel : Channel.values()) {
            var kinds = new EnumMap<Kind, Counter>(Kind.class);
            for (var kind : Kind.values()) {
                kinds.put(
                        kind,
                        meters.counter(
                                "analytics.clicks",
                                "channel",
                                channel.name().toLowerCase(Locale.ROOT),
                                "kind",
                                kind.name().toLowerCase(Locale.ROOT)));
            }
            counted.put(channel, kinds);
        }
    }

    @PreDestroy
    void stop() {
        commits.close();
    }

    /** The link behind the token, its click recorded (committed); empty for an unknown token, recording nothing. */
    Optional<Followed> follow(String token, boolean robot) {
        return commits.write(new Request(token, robot, clock.instant()));
    }

    /** Writes a batch, timed ({@code analytics.clicks.batch}: how long, and how many). */
    private List<Optional<Followed>> timed(List<Request> batch) {
        var started = System.nanoTime();
        try {
            return write(batch);
        } finally {
            batchTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            batchSize.record(batch.size());
        }
    }

    private List<Optional<Followed>> write(List<Request> batch) {
        var links = messaging.trackedLinks(
                batch.stream().map(Request::token).distinct().toList());
        var known = batch.stream()
                .filter(request -> links.containsKey(request.token()))
                .toList();
        var firsts = clicks.record(known.stream()
                .map(request -> new Clicks.Click(links.get(request.token()), request.robot(), request.at()))
                .toList());
        var answers = new ArrayList<Optional<Followed>>();
        var k = 0;
        for (var request : batch) {
            var link = links.get(request.token());
            if (link == null) {
                answers.add(Optional.empty());
                continue;
            }
            var first = firsts.get(k++);
            counted.get(link.channel())
                    .get(request.robot() ? Kind.ROBOT : first ? Kind.FIRST : Kind.REPEAT)
                    .increment();
            answers.add(Optional.of(new Followed(link, first)));
        }
        return answers;
    }
}
