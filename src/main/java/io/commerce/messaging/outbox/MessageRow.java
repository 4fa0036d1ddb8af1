package io.commerce.messaging.outbox;

import io.commerce.messaging.MessageCategory;
import io.commerce.messaging.MessageStatus;
import io.commerce.messaging.MessageView;
import io.commerce.messaging.Origin;
import io.commerce.messaging.OutboundContent;
import io.commerce.shared.Channel;
import io.commerce.shared.Purpose;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One row of the outbox, as stored: what the queries ({@link MessageReads}) return about a message and what {@link
 * Outbox#insert} writes.
 */
public record MessageRow(
        UUID id,
        String customerId,
        Channel channel,
        Purpose purpose,
        MessageCategory category,
        MessageStatus status,
        String recipient,
        String timezone,
        String language,
        String templateKey,
        OutboundContent content,
        String smsText,
        String replyTo,
        Origin origin,
        String providerMessageId,
        String errorCode,
        String errorTitle,
        String pricingCategory,
        int attempts,
        int pairRateFailures,
        Instant nextAttemptAt,
        UUID fallbackOf,
        UUID fallbackMessageId,
        UUID retryOf,
        String heldReason,
        Instant createdAt,
        Instant updatedAt) {

    /** This new message repeats {@code original} at {@code due} (Meta's 24 h marketing limit). */
    public MessageRow retrying(UUID original, Instant due) {
        return new MessageRow(
                id,
                customerId,
                channel,
                purpose,
                category,
                status,
                recipient,
                timezone,
                language,
                templateKey,
                content,
                smsText,
                replyTo,
                origin,
                providerMessageId,
                errorCode,
                errorTitle,
                pricingCategory,
                attempts,
                pairRateFailures,
                due,
                fallbackOf,
                fallbackMessageId,
                original,
                heldReason,
                createdAt,
                updatedAt);
    }

    /** The same message saying this instead (its links tracked): what goes out, not what is stored. */
    public MessageRow saying(OutboundContent newContent, String newSmsText) {
        return new MessageRow(
                id,
                customerId,
                channel,
                purpose,
                category,
                status,
                recipient,
                timezone,
                language,
                templateKey,
                newContent,
                newSmsText,
                replyTo,
                origin,
                providerMessageId,
                errorCode,
                errorTitle,
                pricingCategory,
                attempts,
                pairRateFailures,
                nextAttemptAt,
                fallbackOf,
                fallbackMessageId,
                retryOf,
                heldReason,
                createdAt,
                updatedAt);
    }

    /** A new message, queued now with a fresh time-ordered id, due at once. */
    public static MessageRow queued(
            String customerId,
            Channel channel,
            Purpose purpose,
            MessageCategory category,
            String recipient,
            String timezone,
            String language,
            String templateKey,
            OutboundContent content,
            String smsText,
            String replyTo,
            Origin origin,
            UUID fallbackOf,
            Instant now) {
        return new MessageRow(
                TimeOrderedIds.next(now),
                customerId,
                channel,
                purpose,
                category,
                MessageStatus.QUEUED,
                recipient,
                timezone,
                language,
                templateKey,
                content,
                smsText,
                replyTo,
                origin,
                null,
                null,
                null,
                null,
                0,
                0,
                now,
                fallbackOf,
                null,
                null,
                null,
                now,
                now);
    }

    /** The message as the API shows it, with its status history. */
    public MessageView view(List<MessageView.StatusEntry> history) {
        return new MessageView(
                id().toString(),
                customerId(),
                channel(),
                purpose(),
                category(),
                status(),
                providerMessageId(),
                templateKey(),
                language(),
                errorCode() == null ? null : new MessageView.ErrorView(errorCode(), errorTitle()),
                pricingCategory(),
                attempts(),
                status() == MessageStatus.QUEUED ? nextAttemptAt() : null,
                status() == MessageStatus.QUEUED ? heldReason() : null,
                fallbackMessageId() == null ? null : fallbackMessageId().toString(),
                fallbackOf() == null ? null : fallbackOf().toString(),
                origin(),
                createdAt(),
                history,
                List.of());
    }
}
