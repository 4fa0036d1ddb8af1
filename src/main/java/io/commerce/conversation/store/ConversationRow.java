package io.commerce.conversation.store;

import io.commerce.conversation.ConversationStatus;
import io.commerce.shared.Channel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A conversation row as stored. */
public record ConversationRow(
        UUID id,
        Channel channel,
        String phone,
        @Nullable String customerId,
        @Nullable String language,
        ConversationStatus status,
        @Nullable Instant snoozedUntil,
        @Nullable String assignee,
        List<String> labels,
        Instant openedAt,
        Instant lastMessageAt,
        @Nullable Instant queuedAt,
        @Nullable Instant agentRepliedAt,
        @Nullable Instant firstResponseAt,
        @Nullable Instant resolvedAt,
        int misses,
        @Nullable Instant awaySentFor,
        @Nullable String orderId,
        @Nullable Integer orderRating,
        @Nullable String orderReason,
        @Nullable Instant csatRequestedAt,
        @Nullable Integer csatRating,
        int unread) {

    /** A person handles it, or the customer waits for one: the bot stays silent. */
    public boolean withPeople() {
        return assignee != null || queuedAt != null;
    }

    /** Since when the customer waits for a person's answer; null when nobody owes them one. */
    @Nullable
    public Instant waitingSince() {
        if (queuedAt == null || status == ConversationStatus.RESOLVED) {
            return null;
        }
        return agentRepliedAt == null || agentRepliedAt.isBefore(queuedAt) ? queuedAt : null;
    }

    static ConversationRow map(ResultSet rs, int row) throws SQLException {
        var labels = rs.getArray("labels");
        return new ConversationRow(
                rs.getObject("id", UUID.class),
                Channel.valueOf(rs.getString("channel")),
                rs.getString("phone"),
                rs.getString("customer_id"),
                rs.getString("language"),
                ConversationStatus.valueOf(rs.getString("status")),
                instant(rs.getTimestamp("snoozed_until")),
                rs.getString("assignee"),
                labels == null ? List.of() : Arrays.asList((String[]) labels.getArray()),
                rs.getTimestamp("opened_at").toInstant(),
                rs.getTimestamp("last_message_at").toInstant(),
                instant(rs.getTimestamp("queued_at")),
                instant(rs.getTimestamp("agent_replied_at")),
                instant(rs.getTimestamp("first_response_at")),
                instant(rs.getTimestamp("resolved_at")),
                rs.getInt("misses"),
                instant(rs.getTimestamp("away_sent_for")),
                rs.getString("order_id"),
                rs.getObject("order_rating", Integer.class),
                rs.getString("order_reason"),
                instant(rs.getTimestamp("csat_requested_at")),
                rs.getObject("csat_rating", Integer.class),
                rs.getInt("unread"));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
