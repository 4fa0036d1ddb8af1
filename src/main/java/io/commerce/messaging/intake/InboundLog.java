package io.commerce.messaging.intake;

import io.commerce.messaging.ConversationEntry;
import io.commerce.messaging.InboundView;
import io.commerce.messaging.channel.InboundMessage;
import io.commerce.shared.Channel;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Messages customers sent us, kept once each (the provider's message id deduplicates webhook retries). */
@Repository
public class InboundLog {

    private final JdbcClient jdbc;

    InboundLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A message to store, with the customer it came from and the message of ours it answers, when known. */
    record Arrival(
            InboundMessage message,
            @Nullable String customerId,
            @Nullable UUID repliedTo) {}

    /**
     * Stores the messages in one statement; returns the ids of those stored now, by provider message id (one
     * stored before, a duplicate delivery, is absent, and so is a repeat of one within {@code arrivals}).
     */
    Map<String, Long> storeAll(List<Arrival> arrivals) {
        if (arrivals.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("""
                        insert into inbound_message (provider_message_id, channel, customer_id, sender, type, text,
                                                     reply_payload, context_message_id, replied_to, payload, received_at)
                        select * from unnest(cast(:pids as text[]), cast(:channels as text[]), cast(:customerIds as text[]),
                                             cast(:senders as text[]), cast(:types as text[]), cast(:texts as text[]),
                                             cast(:payloads as text[]), cast(:contexts as text[]),
                                             cast(cast(:repliedTos as text[]) as uuid[]),
                                             cast(cast(:raws as text[]) as jsonb[]),
                                             cast(cast(:ats as text[]) as timestamptz[]))
                        on conflict (provider_message_id) do nothing
                        returning provider_message_id, id
                        """)
                .param("pids", column(arrivals, a -> a.message().providerMessageId()))
                .param("channels", column(arrivals, a -> a.message().channel().name()))
                .param("customerIds", column(arrivals, Arrival::customerId))
                .param("senders", column(arrivals, a -> a.message().phone()))
                .param("types", column(arrivals, a -> a.message().type()))
                .param("texts", column(arrivals, a -> a.message().text()))
                .param("payloads", column(arrivals, a -> a.message().replyPayload()))
                .param("contexts", column(arrivals, a -> a.message().contextMessageId()))
                .param(
                        "repliedTos",
                        column(
                                arrivals,
                                a -> a.repliedTo() == null
                                        ? null
                                        : a.repliedTo().toString()))
                .param("raws", column(arrivals, a -> a.message().payload()))
                .param("ats", column(arrivals, a -> a.message().receivedAt().toString()))
                .query((rs, n) -> Map.entry(rs.getString("provider_message_id"), rs.getLong("id")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static String[] column(List<Arrival> arrivals, Function<Arrival, @Nullable String> value) {
        return arrivals.stream().map(value).toArray(String[]::new);
    }

    public List<ConversationEntry> conversation(String customerId) {
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

    /** The messages with these ids, by id, in one query; ids not stored (or no longer) are absent. */
    public Map<Long, InboundView> find(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("""
                        select id, channel, provider_message_id, sender, customer_id, type, text, reply_payload,
                               replied_to, received_at
                          from inbound_message where id = any(:ids)
                        """)
                .param("ids", ids.toArray(Long[]::new))
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
                .list()
                .stream()
                .collect(Collectors.toMap(InboundView::inboundId, Function.identity()));
    }

    public List<Map<String, Object>> export(String customerId) {
        return jdbc.sql("select provider_message_id, channel, type, text, reply_payload, received_at"
                        + " from inbound_message where customer_id = :customerId order by received_at")
                .param("customerId", customerId)
                .query()
                .listOfRows();
    }

    public void erase(String customerId) {
        jdbc.sql("update inbound_message set sender = null, text = null, reply_payload = null, payload = '{}'"
                        + " where customer_id = :customerId")
                .param("customerId", customerId)
                .update();
    }
}
