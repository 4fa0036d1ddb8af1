package io.commerce.messaging.outbox;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.commerce.messaging.OutboundContent;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * How Java values go into the {@code message} table's columns and come back: the {@code content} column's
 * JSON (every content naming its kind) and the timestamps. Shared by the outbox's writers ({@link Outbox},
 * {@link AudienceQueue}) and the row mapper ({@link MessageRows}), so a row reads back exactly as
 * it was written.
 */
@Component
public class MessageColumns {

    private final JsonMapper json;

    MessageColumns(JsonMapper json) {
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
    public String contentJson(OutboundContent content) {
        return json.writeValueAsString(content);
    }

    /** The content a {@code content} column holds. */
    public OutboundContent content(String contentJson) {
        return json.readValue(contentJson, OutboundContent.class);
    }

    /** A timestamp column's value; null stays null. */
    public static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
