package io.commerce.messaging;

import io.commerce.shared.Channel;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

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
        @Nullable String text,
        @Nullable MessageStatus status,
        @Nullable String templateKey,
        @Nullable String replyPayload,
        @Nullable String inReplyTo,
        @Nullable String origin) {}
