package io.commerce.messaging;

import io.commerce.shared.Channel;
import java.time.Instant;

/**
 * A customer wrote to us. {@code customerId} is null for numbers we do not know; {@code text} is the text,
 * caption or button title, when there is one; {@code providerMessageId} is the channel's id of the message
 * (WhatsApp's wamid, the SMS provider's SID). {@code mediaId} and {@code mimeType} tell a file the
 * customer sent (Meta's media id or the SMS provider's media URL), null otherwise, and {@code filename} the
 * name of a document as the customer's phone gave it; {@code repliedTo} is our
 * message id the inbound answers, when it refers to one; {@code keyword} is true when it was an opt-out or
 * opt-in keyword the messaging module acted on (consent recorded, confirmation sent).
 */
public record InboundMessageReceived(
        long inboundId,
        String customerId,
        Channel channel,
        String providerMessageId,
        String type,
        String text,
        Instant receivedAt,
        String mediaId,
        String mimeType,
        String repliedTo,
        boolean keyword,
        String filename) {}
