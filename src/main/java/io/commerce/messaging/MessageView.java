package io.commerce.messaging;

import io.commerce.shared.Channel;
import io.commerce.shared.Purpose;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A message as {@code GET /api/v1/messages/{id}} shows it, with every status it reached; while it waits,
 * {@code nextAttemptAt} and, when a guardrail holds it, {@code heldReason} ({@code QUIET_HOURS}, {@code
 * FREQUENCY_CAP}, {@code MINIMUM_GAP}); a STOP's confirmation shows {@code WITHDRAWAL_SETTLING} while the
 * customer's marketing in flight settles (ADR 0012). {@code links} are the links it carried and the tracked
 * links they went out as (empty until it is sent).
 */
public record MessageView(
        String messageId,
        String customerId,
        Channel channel,
        Purpose purpose,
        MessageCategory category,
        MessageStatus status,
        @Nullable String providerMessageId,
        @Nullable String templateKey,
        String language,
        @Nullable ErrorView error,
        @Nullable String pricingCategory,
        int attempts,
        @Nullable Instant nextAttemptAt,
        @Nullable String heldReason,
        @Nullable String fallbackMessageId,
        @Nullable String fallbackOf,
        @Nullable Origin origin,
        Instant createdAt,
        List<StatusEntry> statusHistory,
        List<Link> links) {

    /** The message with the tracked links it went out with. */
    public MessageView withLinks(List<Link> tracked) {
        return new MessageView(
                messageId,
                customerId,
                channel,
                purpose,
                category,
                status,
                providerMessageId,
                templateKey,
                language,
                error,
                pricingCategory,
                attempts,
                nextAttemptAt,
                heldReason,
                fallbackMessageId,
                fallbackOf,
                origin,
                createdAt,
                statusHistory,
                List.copyOf(tracked));
    }

    /** A link the message carried ({@code url}) and the tracked link it went out as ({@code trackedUrl}). */
    public record Link(String url, String trackedUrl) {}

    /** The last error: the provider's code (or ours) and its title. */
    public record ErrorView(String code, @Nullable String title) {}

    /** One status the message reached, and when. */
    public record StatusEntry(MessageStatus status, Instant at) {}
}
