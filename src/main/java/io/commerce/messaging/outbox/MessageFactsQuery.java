package io.commerce.messaging.outbox;

import io.commerce.messaging.MessageCategory;
import io.commerce.messaging.MessageFacts;
import io.commerce.messaging.MessageSeen;
import io.commerce.messaging.MessagingProperties;
import io.commerce.messaging.Origin;
import io.commerce.shared.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Repository;

/** Reads {@link MessageFacts} for many messages in one statement. */
@Repository
public class MessageFactsQuery {

    private final Outbox outbox;
    private final Duration serviceWindow;

    MessageFactsQuery(Outbox outbox, MessagingProperties properties) {
        this.outbox = outbox;
        this.serviceWindow = properties.serviceWindow();
    }

    public List<MessageFacts> find(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return outbox.sql("""
                        select m.id, m.customer_id, m.channel, m.category, m.pricing_category, m.origin, m.origin_ref,
                               m.template_key, m.variant, m.recipient, m.sms_text, s.sent_at,
                               exists (select 1 from inbound_message i
                                        where i.customer_id = m.customer_id and i.channel = m.channel
                                          and i.received_at > s.sent_at - cast(:window as interval)
                                          and i.received_at <= s.sent_at) as in_window
                          from message m
                         cross join lateral (
                               select coalesce((select c.at from message_status_change c
                                                 where c.message_id = m.id and c.status = 'SENT'), m.updated_at)
                                      as sent_at) s
                         where m.id = any(:ids)
                        """)
                .param("ids", ids.toArray(UUID[]::new))
                .param("window", serviceWindow.toSeconds() + " seconds")
                .query((rs, n) -> new MessageFacts(
                        rs.getString("id"),
                        rs.getString("customer_id"),
                        Channel.valueOf(rs.getString("channel")),
                        MessageCategory.valueOf(rs.getString("category")),
                        rs.getString("pricing_category"),
                        rs.getString("origin") == null
                                ? null
                                : new Origin(rs.getString("origin"), rs.getString("origin_ref")),
                        rs.getString("template_key"),
                        rs.getString("variant"),
                        rs.getString("recipient"),
                        rs.getString("sms_text"),
                        rs.getBoolean("in_window"),
                        rs.getTimestamp("sent_at").toInstant()))
                .list();
    }

    /**
     * The messages the customer's phone received or read from {@code from} to {@code to}, the latest first (by
     * their latest such status); messages created more than a week before {@code from} are not looked at.
     */
    public List<MessageSeen> seenBetween(String customerId, Instant from, Instant to) {
        return outbox.sql("""
                        select m.id, m.channel, m.origin, m.origin_ref, m.template_key, m.variant, max(c.at) as at
                          from message m join message_status_change c on c.message_id = m.id
                         where m.customer_id = :customerId and m.created_at >= :oldest and m.created_at <= :to
                           and c.status in ('DELIVERED', 'READ') and c.at >= :from and c.at <= :to
                         group by m.id, m.channel, m.origin, m.origin_ref, m.template_key, m.variant
                         order by at desc
                         limit 20
                        """)
                .param("customerId", customerId)
                .param("oldest", MessageColumns.ts(from.minus(Duration.ofDays(7))))
                .param("from", MessageColumns.ts(from))
                .param("to", MessageColumns.ts(to))
                .query((rs, n) -> new MessageSeen(
                        rs.getString("id"),
                        Channel.valueOf(rs.getString("channel")),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("origin") == null
                                ? null
                                : new Origin(rs.getString("origin"), rs.getString("origin_ref")),
                        rs.getString("template_key"),
                        rs.getString("variant")))
                .list();
    }

    /** The latest message sent to the customer before {@code before} whose content carries {@code text} (a code). */
    public Optional<String> lastCarrying(String customerId, String text, Instant before) {
        return outbox.sql("""
                        select id from message
                         where customer_id = :customerId and created_at <= :before
                           and status in ('SENT', 'DELIVERED', 'READ') and strpos(cast(content as text), :text) > 0
                         order by created_at desc
                         limit 1
                        """)
                .param("customerId", customerId)
                .param("before", MessageColumns.ts(before))
                .param("text", text)
                .query(String.class)
                .optional();
    }
}
