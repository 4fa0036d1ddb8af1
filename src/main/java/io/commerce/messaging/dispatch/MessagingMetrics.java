package io.commerce.messaging.dispatch;

import io.commerce.messaging.channel.Channels;
import io.commerce.messaging.outbox.MessageReads;
import io.commerce.messaging.outbox.MessageRow;
import io.commerce.shared.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Messaging's meters: sends by channel, category and outcome; messages that failed for good by channel and
 * the provider's error code ({@code messaging.failures}); each channel's send limit in messages a second
 * ({@code messaging.send.limit}, to draw the rate against); queue depth and the age of the oldest due message
 * (refreshed every few seconds, not per scrape); webhook deliveries by provider and outcome, and their
 * processing time.
 */
@Component
public class MessagingMetrics {

    private final MeterRegistry registry;
    private final MessageReads reads;
    private final Clock clock;
    private final AtomicLong queueDepth = new AtomicLong();
    private final AtomicLong oldestDueAgeSeconds = new AtomicLong();
    private final Map<String, Counter> sendCounters = new ConcurrentHashMap<>();
    private final Map<String, Counter> webhookCounters = new ConcurrentHashMap<>();
    private final Map<String, Timer> webhookTimers = new ConcurrentHashMap<>();

    MessagingMetrics(MeterRegistry registry, MessageReads reads, Channels channels, Clock clock) {
        this.registry = registry;
        this.reads = reads;
        this.clock = clock;
        for (var channel : Channel.values()) {
            Gauge.builder(
                            "messaging.send.limit",
                            () -> channels.settings(channel).messagesPerSecond())
                    .tag("channel", channel.name().toLowerCase())
                    .description("the most messages a second the channel's sender may send")
                    .register(registry);
        }
        Gauge.builder("messaging.queue.depth", queueDepth, AtomicLong::get)
                .description("messages queued, due or not")
                .register(registry);
        Gauge.builder("messaging.queue.oldest.due.age", oldestDueAgeSeconds, AtomicLong::get)
                .baseUnit("seconds")
                .description("how long the oldest due message has been waiting")
                .register(registry);
    }

    void sent(MessageRow row, String outcome) {
        var origin = row.origin() == null ? "api" : row.origin().label();
        var key = row.channel() + "/" + row.category() + "/" + outcome + "/" + origin;
        sendCounters
                .computeIfAbsent(
                        key,
                        k -> Counter.builder("messaging.sends")
                                .tag("channel", row.channel().name().toLowerCase())
                                .tag("category", row.category().name().toLowerCase())
                                .tag("outcome", outcome)
                                .tag("origin", origin)
                                .register(registry))
                .increment();
    }

    /** A message failed for good (not retried): counted by channel and the provider's error code. */
    void failed(Channel channel, String code) {
        registry.counter(
                        "messaging.failures",
                        "channel",
                        channel.name().toLowerCase(),
                        "code",
                        code == null ? "none" : code)
                .increment();
    }

    /** An error a provider reported for the account or number as a whole (Meta's {@code value.errors}). */
    public void providerError(String provider, String code) {
        registry.counter("messaging.provider.errors", "provider", provider, "code", code)
                .increment();
    }

    /** A delivery refused for its signature: counted with the others, not timed (nothing was processed). */
    public void webhookRejected(String provider) {
        registry.counter("messaging.webhooks", "provider", provider, "outcome", "rejected")
                .increment();
    }

    public void webhook(String provider, String outcome, Duration took) {
        webhookCounters
                .computeIfAbsent(
                        provider + '/' + outcome,
                        key -> Counter.builder("messaging.webhooks")
                                .tag("provider", provider)
                                .tag("outcome", outcome)
                                .register(registry))
                .increment();
        webhookTimers
                .computeIfAbsent(
                        provider,
                        key -> Timer.builder("messaging.webhook.processing")
                                .tag("provider", provider)
                                .register(registry))
                .record(took);
    }

    @Scheduled(fixedDelayString = "PT5S")
    void refreshQueueGauges() {
        var now = clock.instant();
        queueDepth.set(reads.queueDepth());
        oldestDueAgeSeconds.set(reads.oldestDue(now)
                .map(due -> Duration.between(due, now).toSeconds())
                .orElse(0L));
    }
}
