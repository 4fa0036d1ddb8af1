package io.commerce.messaging;

import io.commerce.shared.Channel;
import java.time.Instant;

/**
 * A customer answered: tapped a button or a list row, replied to one of our messages, or wrote words that
 * are not a keyword (an SMS answer has no context). {@code messageId} and {@code templateKey} name our
 * message when the answer refers to it; {@code payload} is the button or row id (or quick-reply payload);
 * journeys branch on it, or on {@code text}.
 */
public record ReplyReceived(
        String customerId,
        String messageId,
        String templateKey,
        Channel channel,
        String payload,
        String text,
        Instant receivedAt) {}
