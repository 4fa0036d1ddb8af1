package io.commerce.messaging;

import io.commerce.messaging.outbox.MessageRow;
import io.commerce.shared.Channel;
import java.time.Instant;
import java.util.Locale;
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
        @Nullable String origin) {

    /** A message we sent, as a line of the conversation. */
    static ConversationEntry outbound(MessageRow row) {
        return new ConversationEntry(
                "outbound",
                row.createdAt(),
                row.channel(),
                row.id().toString(),
                row.templateKey() != null
                        ? "template"
                        : row.content().getClass().getSimpleName().toLowerCase(Locale.ROOT),
                row.smsText() != null ? row.smsText() : row.content().words(),
                row.status(),
                row.templateKey(),
                null,
                row.replyTo(),
                row.origin() == null ? null : row.origin().label());
    }
}
