package io.commerce.messaging;

import io.commerce.shared.Channel;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The customer service window: for 24 h after a customer's last message on a channel, we may answer
 * there with free-form messages (Meta's rule on WhatsApp; the same courtesy for SMS replies).
 */
@Component
class ServiceWindow {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration length;

    ServiceWindow(JdbcClient jdbc, Clock clock, MessagingProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.length = properties.serviceWindow();
    }

    boolean isOpen(Channel channel, String phone) {
        return heardFromWithin(channel, phone, length);
    }

    /** Whether the customer wrote to us on this channel within {@code within}, from now. */
    boolean heardFromWithin(Channel channel, String phone, Duration within) {
        if (phone == null) {
            return false;
        }
        return jdbc.sql("select count(*) from service_window where channel = :channel and phone = :phone"
                                + " and last_inbound_at > :since")
                        .param("channel", channel.name())
                        .param("phone", phone)
                        .param("since", Timestamp.from(clock.instant().minus(within)))
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** When the window with this number closes; empty when it is closed (or never opened). */
    Optional<Instant> closesAt(Channel channel, String phone) {
        return jdbc.sql("select last_inbound_at from service_window where channel = :channel and phone = :phone")
                .param("channel", channel.name())
                .param("phone", phone)
                .query(Timestamp.class)
                .optional()
                .map(last -> last.toInstant().plus(length))
                .filter(closes -> closes.isAfter(clock.instant()));
    }

    /** An inbound message opens the window or extends it (never backwards, whatever order webhooks come in). */
    void opened(Channel channel, String phone, Instant at) {
        jdbc.sql("""
                        insert into service_window (channel, phone, last_inbound_at) values (:channel, :phone, :at)
                        on conflict (channel, phone) do update
                           set last_inbound_at = greatest(service_window.last_inbound_at, excluded.last_inbound_at)
                        """)
                .param("channel", channel.name())
                .param("phone", phone)
                .param("at", Timestamp.from(at))
                .update();
    }
}
