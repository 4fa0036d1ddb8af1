package io.commerce.messaging.outbox;

import static io.commerce.messaging.outbox.MessageRows.ts;

import io.commerce.messaging.MessageCounts;
import io.commerce.messaging.MessageStatus;
import io.commerce.messaging.Origin;
import io.commerce.shared.Channel;
import io.commerce.shared.Purpose;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Repository;

/** Queries about messages: one by id, pages of them, a customer's, counts, and what pacing and metrics ask. */
@Repository
public class MessageReads {

    private final Outbox outbox;
    private final MessageRows rows;

    MessageReads(Outbox outbox, MessageRows rows) {
        this.outbox = outbox;
        this.rows = rows;
    }

    public Optional<MessageRow> find(UUID id) {
        return outbox.sql("select * from message where id = :id")
                .param("id", id)
                .query(rows::map)
                .optional();
    }

    /** Our ids of the messages with these provider ids (the ones customers replied to), by provider id. */
    public Map<String, UUID> idsByProviderIds(Collection<String> providerMessageIds) {
        if (providerMessageIds.isEmpty()) {
            return Map.of();
        }
        return outbox
                .sql("select provider_message_id, id from message where provider_message_id = any(:pids)")
                .param("pids", providerMessageIds.toArray(String[]::new))
                .query((rs, n) -> Map.entry(rs.getString("provider_message_id"), rs.getObject("id", UUID.class)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public List<MessageRow> list(String customerId, MessageStatus status, long offset, int limit) {
        return outbox.sql(
                        "select * from message where (cast(:customerId as varchar) is null or customer_id = :customerId)"
                                + " and (cast(:status as varchar) is null or status = :status)"
                                + " order by created_at desc, id limit :limit offset :offset")
                .param("customerId", customerId)
                .param("status", status == null ? null : status.name())
                .param("limit", limit)
                .param("offset", offset)
                .query(rows::map)
                .list();
    }

    public long count(String customerId, MessageStatus status) {
        return outbox.sql(
                        "select count(*) from message where (cast(:customerId as varchar) is null or customer_id = :customerId)"
                                + " and (cast(:status as varchar) is null or status = :status)")
                .param("customerId", customerId)
                .param("status", status == null ? null : status.name())
                .query(Long.class)
                .single();
    }

    public List<MessageRow> byCustomer(String customerId) {
        return outbox.sql("select * from message where customer_id = :customerId order by created_at, id")
                .param("customerId", customerId)
                .query(rows::map)
                .list();
    }

    /** The customer's messages on one channel created in [{@code from}, {@code to}), oldest first. */
    public List<MessageRow> byCustomer(String customerId, Channel channel, Instant from, Instant to) {
        return outbox.sql("""
                        select * from message where customer_id = :customerId and channel = :channel
                           and created_at >= :from and created_at < :to order by created_at, id
                        """)
                .param("customerId", customerId)
                .param("channel", channel.name())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(rows::map)
                .list();
    }

    /** The messages of one origin by status, and the queued ones a guardrail holds. */
    public MessageCounts countByOrigin(Origin origin) {
        return outbox.sql("""
                        select count(*) filter (where status = 'QUEUED') as queued,
                               count(*) filter (where status = 'SENDING') as sending,
                               count(*) filter (where status = 'SENT') as sent,
                               count(*) filter (where status = 'DELIVERED') as delivered,
                               count(*) filter (where status = 'READ') as read,
                               count(*) filter (where status = 'FAILED') as failed,
                               count(*) filter (where status = 'CANCELLED') as cancelled,
                               count(*) filter (where status = 'QUEUED' and held_reason is not null) as held
                          from message where origin_ref = :ref and origin = :label
                        """)
                .param("ref", origin.ref())
                .param("label", origin.label())
                .query((rs, n) -> new MessageCounts(
                        rs.getLong("queued"),
                        rs.getLong("sending"),
                        rs.getLong("sent"),
                        rs.getLong("delivered"),
                        rs.getLong("read"),
                        rs.getLong("failed"),
                        rs.getLong("cancelled"),
                        rs.getLong("held")))
                .single();
    }

    public long queueDepth() {
        return outbox.sql("select count(*) from message where status = 'QUEUED'")
                .query(Long.class)
                .single();
    }

    /**
     * The earliest due moment among due messages: the first entry of each part of the dispatcher's due index
     * (channel, marketing or not), four index probes; a plain {@code min} read the whole index, 200 ms a time
     * with 400,000 messages queued.
     */
    public Optional<Instant> oldestDue(Instant now) {
        return outbox.sql("""
                        select min((select min(next_attempt_at) from message
                                     where status = 'QUEUED' and channel = c.channel
                                       and (purpose = 'MARKETING') = k.marketing and next_attempt_at <= :now))
                          from (values ('WHATSAPP'), ('SMS')) as c(channel), (values (true), (false)) as k(marketing)
                        """)
                .param("now", ts(now))
                .query((rs, n) -> rs.getTimestamp(1))
                .optional()
                .map(Timestamp::toInstant);
    }

    /** A message that went to a customer, with its purpose. */
    public record Sent(String customerId, Purpose purpose, Instant at) {}

    /** What went to these customers after {@code since}, oldest first: what the guardrails count. */
    public List<Sent> sentSince(Collection<String> customerIds, Instant since) {
        if (customerIds.isEmpty()) {
            return List.of();
        }
        // driven from the customers' messages: the lateral subquery keeps the planner from scanning every status
        // change, as it does while a freshly snapshotted campaign's rows have no statistics yet
        return outbox.sql("""
                        select m.customer_id, m.purpose, c.at from message m
                         cross join lateral (select at from message_status_change c
                                              where c.message_id = m.id and c.status = 'SENT' and c.at > :since
                                              limit 1) c
                         where m.customer_id = any(:customers)
                         order by c.at
                        """)
                .param("customers", customerIds.stream().distinct().toArray(String[]::new))
                .param("since", ts(since))
                .query((rs, n) -> new Sent(
                        rs.getString(1),
                        Purpose.valueOf(rs.getString(2)),
                        rs.getTimestamp(3).toInstant()))
                .list();
    }

    /** How many of the customer's messages of this channel and purpose a sender claimed after {@code since} and still has. */
    public int sendingSince(String customerId, Channel channel, Purpose purpose, Instant since) {
        return outbox.sql("""
                        select count(*) from message
                         where customer_id = :customerId and channel = :channel and purpose = :purpose
                           and status = 'SENDING' and sending_since > :since
                        """)
                .param("customerId", customerId)
                .param("channel", channel.name())
                .param("purpose", purpose.name())
                .param("since", ts(since))
                .query(Integer.class)
                .single();
    }
}
