package io.commerce.messaging;

import io.commerce.shared.Channel;
import java.time.Instant;

/**
 * A customer wrote to us. {@code customerId} is null for numbers we do not know; {@code text} is the text,
 * caption or button title, when there is one; {@code providerMessageId} is the channel's id of the message
 * (WhatsApp's wamid, the SMS provider's SID).
 */
public record InboundMessageReceived(
        long inboundId,
        String customerId,
        Channel channel,
        String providerMessageId,
        String type,
        String text,
        Instant receivedAt) {}
