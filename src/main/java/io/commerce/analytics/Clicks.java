package io.commerce.analytics;

import io.commerce.messaging.TrackedLink;
import io.commerce.shared.Channel;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Clicks on tracked links: every request kept (robots marked); the first by a person makes a unique clicker. */
@Repository
class Clicks {

    private final JdbcClient jdbc;

    Clicks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a request for the link; returns true when it is the message's first click by a person. */
    boolean record(TrackedLink link, boolean robot, Instant at) {
        return jdbc.sql("""
                        with first as (
                            insert into message_touch (message_id, kind, at)
                            select :messageId, 'CLICKED', :at where not :robot
                            on conflict do nothing
                            returning message_id)
                        insert into link_click (token, message_id, customer_id, channel, clicked_at, robot, first)
                        select :token, :messageId, :customerId, :channel, :at, :robot, exists (select 1 from first)
                        returning first
                        """)
                .param("messageId", UUID.fromString(link.messageId()))
                .param("token", link.token())
                .param("customerId", link.customerId())
                .param("channel", link.channel().name())
                .param("at", Timestamp.from(at))
                .param("robot", robot)
                .query(Boolean.class)
                .single();
    }

    /** The messages the customer clicked (a person's clicks) from {@code from} to {@code to}, the latest first. */
    List<Touch> clicksBetween(String customerId, Instant from, Instant to) {
        return jdbc.sql("""
                        select message_id, channel, clicked_at from link_click
                         where customer_id = :customerId and not robot and clicked_at >= :from and clicked_at <= :to
                         order by clicked_at desc limit 20
                        """)
                .param("customerId", customerId)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> new Touch(
                        rs.getString("message_id"),
                        Channel.valueOf(rs.getString("channel")),
                        rs.getTimestamp("clicked_at").toInstant()))
                .list();
    }

    /** The customer's clicks are no longer theirs. */
    void erase(String customerId) {
        jdbc.sql("update link_click set customer_id = null where customer_id = :customerId")
                .param("customerId", customerId)
                .update();
    }
}
