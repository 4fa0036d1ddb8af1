package io.commerce.messaging;

import io.commerce.shared.Channel;
import java.time.Instant;

/**
 * A customer answered one of our messages: tapped a button or a list row, or replied to it. {@code payload}
 * is the button or row id (or quick-reply payload); journeys branch on it.
 */
public record ReplyReceived(
        String customerId,
        String messageId,
        String templateKey,
        Channel channel,
        String payload,
        String text,
        Instant receivedAt) {}
