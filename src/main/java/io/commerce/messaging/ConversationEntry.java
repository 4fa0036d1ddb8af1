package io.commerce.messaging;

import io.commerce.shared.Channel;
import java.time.Instant;

/**
 * One line of a customer's conversation: a message we sent or one they sent us. {@code origin} says what
 * sent ours (a journey and step such as {@code abandoned_cart/1}, {@code campaign}; none for the API).
 */
public record ConversationEntry(
        String direction,
        Instant at,
        Channel channel,
        String messageId,
        String type,
        String text,
        MessageStatus status,
        String templateKey,
        String replyPayload,
        String inReplyTo,
        String origin) {}
