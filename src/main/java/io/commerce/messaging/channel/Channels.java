package io.commerce.messaging.channel;

import io.commerce.shared.Channel;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The channel adapters by channel: where the core finds a channel's gateway and its settings. */
@Component
public class Channels {

    private final Map<Channel, ChannelGateway> gateways = new EnumMap<>(Channel.class);

    Channels(List<ChannelGateway> gateways) {
        gateways.forEach(gateway -> this.gateways.put(gateway.channel(), gateway));
    }

    /** The channel's gateway; every channel has one. */
    public ChannelGateway gateway(Channel channel) {
        var gateway = gateways.get(channel);
        if (gateway == null) {
            throw new IllegalStateException("no gateway for " + channel);
        }
        return gateway;
    }

    public ChannelSettings settings(Channel channel) {
        return gateway(channel).settings();
    }
}
