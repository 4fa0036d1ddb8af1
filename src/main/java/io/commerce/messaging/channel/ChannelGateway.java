package io.commerce.messaging.channel;

import io.commerce.shared.Channel;

/** Sends messages through one provider; implementations never throw for provider or network errors. */
public interface ChannelGateway {

    Channel channel();

    SendOutcome send(OutgoingMessage message);

    /** The channel's settings the core paces, times and checks messages by. */
    ChannelSettings settings();
}
