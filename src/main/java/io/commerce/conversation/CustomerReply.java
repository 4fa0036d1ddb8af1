package io.commerce.conversation;

import io.commerce.shared.Channel;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A customer's message offered to whoever waits for an answer: {@code messageId} names our message it
 * answers (WhatsApp's context; none for SMS), {@code payload} the button or list row tapped.
 */
public record CustomerReply(
        String customerId,
        @Nullable String messageId,
        Channel channel,
        @Nullable String payload,
        @Nullable String text,
        Instant at) {}
