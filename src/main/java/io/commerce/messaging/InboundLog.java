package io.commerce.messaging;

import io.commerce.messaging.channel.InboundMessage;
import io.commerce.shared.Channel;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Messages customers sent us, kept once each (the provider's message id deduplicates webhook retries). */
@Repository
class InboundLog {

    private final JdbcClient jdbc;

    InboundLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the message; empty when it was stored before (a duplicate delivery). */
    Optional<Long> store(InboundMessage inbound, String customerId, UUID repliedTo) {
        return jdbc.sql("""
                        insert into inbound_message (provider_message_id, channel, customer_id, sender, type, text,
                                                     reply_payload, context_message_id, replied_to, payload, received_at)
                        values (:pid, :channel, :customerId, :sender, :type, :text, :payload, :context, :repliedTo,
                                cast(:raw as jsonb), :at)
                        on conflict (provider_message_id) do nothing
                        returning id
                        """)
                .param("pid", inbound.providerMessageId())
                .param("channel", inbound.channel().name())
                .param("customerId", customerId)
                .param("sender", inbound.phone())
                .param("type", inbound.type())
                .param("text", inbound.text())
                .param("payload", inbound.replyPayload())
                .param("context", inbound.contextMessageId())
                .param("repliedTo", repliedTo)
                .param("raw", inbound.payload())
                .param("at", Timestamp.from(inbound.receivedAt()))
                .query(Long.class)
                .optional();
    }

    List<ConversationEntry> conversation(String customerId) {
        return jdbc.sql("select * from inbound_message where customer_id = :customerId order by received_at, id")
                .param("customerId", customerId)
                .query((rs, n) -> new ConversationEntry(
                        "inbound",
                        rs.getTimestamp("received_at").toInstant(),
                        Channel.valueOf(rs.getString("channel")),
                        rs.getString("provider_message_id"),
                        rs.getString("type"),
                        rs.getString("text"),
                        null,
                        null,
                        rs.getString("reply_payload"),
                        rs.getObject("replied_to") == null
                                ? null
                                : rs.getObject("replied_to").toString(),
                        null))
                .list();
    }

    Optional<InboundView> find(long id) {
        return jdbc.sql("select * from inbound_message where id = :id")
                .param("id", id)
                .query((rs, n) -> new InboundView(
                        rs.getLong("id"),
                        Channel.valueOf(rs.getString("channel")),
                        rs.getString("provider_message_id"),
                        rs.getString("sender"),
                        rs.getString("customer_id"),
                        rs.getString("type"),
                        rs.getString("text"),
                        rs.getString("reply_payload"),
                        rs.getObject("replied_to") == null
                                ? null
                                : rs.getObject("replied_to").toString(),
                        rs.getTimestamp("received_at").toInstant()))
                .optional();
    }

    List<Map<String, Object>> export(String customerId) {
        return jdbc.sql("select provider_message_id, channel, type, text, reply_payload, received_at"
                        + " from inbound_message where customer_id = :customerId order by received_at")
                .param("customerId", customerId)
                .query()
                .listOfRows();
    }

    void erase(String customerId) {
        jdbc.sql("update inbound_message set sender = null, text = null, reply_payload = null, payload = '{}'"
                        + " where customer_id = :customerId")
                .param("customerId", customerId)
                .update();
    }
}
