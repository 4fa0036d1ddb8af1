package io.commerce.messaging.outbox;

import io.commerce.messaging.MessageCategory;
import io.commerce.messaging.MessageStatus;
import io.commerce.messaging.Origin;
import io.commerce.shared.Channel;
import io.commerce.shared.Purpose;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * How a row of the {@code message} table maps to Java, shared by the classes that run its statements
 * ({@link MessageReads}, {@link SendLifecycle}, {@link StatusLedger}, {@link Cancellations}): the row mapper
 * and the timestamp conversion; the columns' values themselves are {@link MessageColumns}' ({@code content}
 * JSON, timestamps).
 */
@Component
class MessageRows {

    private final MessageColumns columns;

    MessageRows(MessageColumns columns) {
        this.columns = columns;
    }

    static StatusLedger.MovedMessage moved(ResultSet rs) throws SQLException {
        return new StatusLedger.MovedMessage(
                rs.getObject("id", UUID.class),
                rs.getString("customer_id"),
                Channel.valueOf(rs.getString("channel")),
                Purpose.valueOf(rs.getString("purpose")),
                rs.getString("template_key"));
    }

    MessageRow map(ResultSet rs, int row) throws SQLException {
        return new MessageRow(
                rs.getObject("id", UUID.class),
                rs.getString("customer_id"),
                Channel.valueOf(rs.getString("channel")),
                Purpose.valueOf(rs.getString("purpose")),
                MessageCategory.valueOf(rs.getString("category")),
                MessageStatus.valueOf(rs.getString("status")),
                rs.getString("recipient"),
                rs.getString("timezone"),
                rs.getString("language"),
                rs.getString("template_key"),
                columns.content(rs.getString("content")),
                rs.getString("sms_text"),
                rs.getString("reply_to"),
                origin(rs),
                rs.getString("provider_message_id"),
                rs.getString("error_code"),
                rs.getString("error_title"),
                rs.getString("pricing_category"),
                rs.getInt("attempts"),
                rs.getInt("pair_rate_failures"),
                instant(rs, "next_attempt_at"),
                rs.getObject("fallback_of", UUID.class),
                rs.getObject("fallback_message_id", UUID.class),
                rs.getObject("retry_of", UUID.class),
                rs.getString("held_reason"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static Origin origin(ResultSet rs) throws SQLException {
        var label = rs.getString("origin");
        return label == null ? null : new Origin(label, rs.getString("origin_ref"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static Timestamp ts(Instant instant) {
        return MessageColumns.ts(instant);
    }
}
