package io.commerce.messaging;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.commerce.shared.Channel;
import io.commerce.shared.Purpose;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a row of the {@code message} table maps to and from Java, shared by the classes that run its
 * statements ({@link Outbox}, {@link MessageReads}, {@link SendLifecycle}, {@link StatusLedger},
 * {@link Cancellations}): the row mapper, the {@code content} column's JSON and the timestamp conversions.
 */
@Component
class MessageRows {

    private final JsonMapper json;

    MessageRows(JsonMapper json) {
        this.json = json.rebuild()
                .addMixIn(OutboundContent.class, StoredContent.class)
                .build();
    }

    /** In the {@code content} column every content names its kind; the API needs no such field. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = OutboundContent.Template.class, name = "template"),
        @JsonSubTypes.Type(value = OutboundContent.Text.class, name = "text"),
        @JsonSubTypes.Type(value = OutboundContent.Buttons.class, name = "buttons"),
        @JsonSubTypes.Type(value = OutboundContent.ListMenu.class, name = "list"),
        @JsonSubTypes.Type(value = OutboundContent.CtaUrl.class, name = "ctaUrl"),
        @JsonSubTypes.Type(value = OutboundContent.Media.class, name = "media"),
        @JsonSubTypes.Type(value = OutboundContent.Reaction.class, name = "reaction"),
        @JsonSubTypes.Type(value = OutboundContent.Catalog.class, name = "catalog"),
        @JsonSubTypes.Type(value = OutboundContent.Product.class, name = "product"),
        @JsonSubTypes.Type(value = OutboundContent.ProductList.class, name = "productList")
    })
    private interface StoredContent {}

    /** The {@code content} column's JSON for this content, exactly as {@link Outbox#insert} writes it. */
    String contentJson(OutboundContent content) {
        return json.writeValueAsString(content);
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
                json.readValue(rs.getString("content"), OutboundContent.class),
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
        return instant == null ? null : Timestamp.from(instant);
    }
}
