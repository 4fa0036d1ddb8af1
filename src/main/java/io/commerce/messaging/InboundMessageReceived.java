package io.commerce.messaging;

import io.commerce.shared.Channel;
import java.time.Instant;

/**
 * A customer wrote to us. {@code customerId} is null for numbers we do not know; {@code text} is the text,
 * caption or button title, when there is one.
 */
public record InboundMessageReceived(
        long inboundId, String customerId, Channel channel, String type, String text, Instant receivedAt) {}
