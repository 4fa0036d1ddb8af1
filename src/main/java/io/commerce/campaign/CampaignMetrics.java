package io.commerce.campaign;

import io.commerce.shared.Channel;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Campaign meters by channel: {@code campaign.launched} (campaigns), {@code campaign.audience} (messages
 * queued per launch) and {@code campaign.snapshot} (how long the snapshot took). What became of the messages
 * is in {@code messaging.sends} under {@code origin=campaign}.
 */
@Component
class CampaignMetrics {

    private final MeterRegistry registry;

    CampaignMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    Timer.Sample start() {
        return Timer.start(registry);
    }

    void launched(Channel channel, int audienceSize, Timer.Sample snapshot) {
        var tag = channel.name().toLowerCase(Locale.ROOT);
        registry.counter("campaign.launched", "channel", tag).increment();
        DistributionSummary.builder("campaign.audience")
                .baseUnit("messages")
                .tag("channel", tag)
                .register(registry)
                .record(audienceSize);
        snapshot.stop(registry.timer("campaign.snapshot", "channel", tag));
    }
}
