package io.commerce.messaging.channel;

import java.time.Duration;
import java.util.List;

/**
 * What the core needs to know of a channel's own settings: its throughput, the least time between two
 * messages to one recipient ({@link Duration#ZERO} when the channel has no such limit), how long one
 * provider call may take, and the calling codes marketing may not be sent to (empty: none).
 */
public record ChannelSettings(
        int messagesPerSecond, Duration pairGap, Duration requestTimeout, List<String> marketingBlockedCountryCodes) {

    public ChannelSettings {
        marketingBlockedCountryCodes = List.copyOf(marketingBlockedCountryCodes);
    }
}
