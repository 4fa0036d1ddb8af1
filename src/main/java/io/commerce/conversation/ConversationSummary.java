package io.commerce.conversation;

import io.commerce.conversation.store.ConversationRow;
import io.commerce.shared.Channel;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A conversation in a list: who, where, its state, how long the customer has waited for a person, and how many
 * of their messages no agent has opened yet.
 */
public record ConversationSummary(
        String conversationId,
        @Nullable String customerId,
        String phone,
        Channel channel,
        ConversationStatus status,
        @Nullable Instant snoozedUntil,
        @Nullable String assignee,
        List<String> labels,
        Instant openedAt,
        Instant lastMessageAt,
        @Nullable Instant waitingSince,
        int unread) {

    static ConversationSummary of(ConversationRow row) {
        return new ConversationSummary(
                row.id().toString(),
                row.customerId(),
                row.phone(),
                row.channel(),
                row.status(),
                row.snoozedUntil(),
                row.assignee(),
                row.labels(),
                row.openedAt(),
                row.lastMessageAt(),
                row.waitingSince(),
                row.unread());
    }
}
