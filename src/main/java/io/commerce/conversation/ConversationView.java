package io.commerce.conversation;

import io.commerce.messaging.MessageStatus;
import io.commerce.shared.Channel;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A conversation with everything said in it, both directions, oldest first, and the agents' notes. {@code
 * waitingSince} is when the customer began waiting for a person's answer (null when nobody owes one);
 * {@code order} is what a handoff attached (the order, its rating and reason).
 */
public record ConversationView(
        String conversationId,
        @Nullable String customerId,
        String phone,
        Channel channel,
        ConversationStatus status,
        @Nullable Instant snoozedUntil,
        @Nullable String assignee,
        List<String> labels,
        @Nullable Instant serviceWindowClosesAt,
        Instant openedAt,
        Instant lastMessageAt,
        @Nullable Instant waitingSince,
        @Nullable Instant firstResponseAt,
        @Nullable Instant resolvedAt,
        @Nullable HandedOffOrder order,
        @Nullable Integer rating,
        List<Message> messages,
        List<Note> notes) {

    /** One message of the conversation; {@code status} is the delivery status of ours. */
    public record Message(
            String messageId,
            String direction,
            Author author,
            @Nullable String agentId,
            String type,
            @Nullable String text,
            @Nullable Media media,
            Instant at,
            @Nullable MessageStatus status) {}

    /** A file of a message: fetch it at {@code GET /api/v1/media/{mediaId}}. */
    public record Media(
            String mediaId,
            @Nullable String mimeType,
            @Nullable Long size,
            @Nullable String caption) {}

    /** An internal note: agents only. */
    public record Note(String agentId, String text, Instant at) {}

    /** What a handoff attached to the conversation. */
    public record HandedOffOrder(
            String orderId,
            @Nullable Integer rating,
            @Nullable FeedbackReason reason) {}
}
