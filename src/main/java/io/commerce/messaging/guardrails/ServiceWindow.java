package io.commerce.messaging.guardrails;

import io.commerce.messaging.MessagingProperties;
import io.commerce.shared.Channel;
import io.commerce.shared.ReadTogether;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The customer service window: for 24 h after a customer's last message on a channel, we may answer
 * there with free-form messages (Meta's rule on WhatsApp; the same courtesy for SMS replies).
 */
@Component
public class ServiceWindow {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration length;
    private final ReadTogether<String, Set<Channel>> open = new ReadTogether<>(this::openAmong);

    ServiceWindow(JdbcClient jdbc, Clock clock, MessagingProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.length = properties.serviceWindow();
    }

    boolean isOpen(Channel channel, String phone) {
        if (phone == null) {
            return false;
        }
        return open.get(phone, () -> Optional.of(heardFromWithin(channel, phone, length) ? Set.of(channel) : Set.of()))
                .orElse(Set.of())
                .contains(channel);
    }

    /**
     * Runs {@code work} with the windows of these numbers (on every channel) read first, in one query, for the
     * checks made inside ({@link ReadTogether}).
     */
    public void readTogether(Collection<String> phones, Runnable work) {
        open.during(phones, work);
    }

    /** The channels whose window is open, for each of these numbers that has one. */
    private Map<String, Set<Channel>> openAmong(Collection<String> phones) {
        var open = new HashMap<String, Set<Channel>>();
        lastHeardAmong(phones, length).forEach((phone, channels) -> open.put(phone, channels.keySet()));
        return open;
    }

    /** When each of these numbers last wrote to us, per channel, where that was within {@code within} from now. */
    Map<String, Map<Channel, Instant>> lastHeardAmong(Collection<String> phones, Duration within) {
        var heard = new HashMap<String, Map<Channel, Instant>>();
        if (phones.isEmpty()) {
            return heard;
        }
        // every channel named, so that the lookup uses the (channel, phone) key
        jdbc.sql("""
                        select channel, phone, last_inbound_at from service_window
                         where channel = any(:channels) and phone = any(:phones) and last_inbound_at > :since
                        """)
                .param(
                        "channels",
                        Arrays.stream(Channel.values()).map(Channel::name).toArray(String[]::new))
                .param("phones", phones.stream().distinct().toArray(String[]::new))
                .param("since", Timestamp.from(clock.instant().minus(within)))
                .query(rs -> {
                    heard.computeIfAbsent(rs.getString("phone"), phone -> new EnumMap<>(Channel.class))
                            .put(
                                    Channel.valueOf(rs.getString("channel")),
                                    rs.getTimestamp("last_inbound_at").toInstant());
                });
        return heard;
    }

    Duration length() {
        return length;
    }

    /** Whether the customer wrote to us on this channel within {@code within}, from now. */
    public boolean heardFromWithin(Channel channel, String phone, Duration within) {
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
    public Optional<Instant> closesAt(Channel channel, String phone) {
        return jdbc.sql("select last_inbound_at from service_window where channel = :channel and phone = :phone")
                .param("channel", channel.name())
                .param("phone", phone)
                .query(Timestamp.class)
                .optional()
                .map(last -> last.toInstant().plus(length))
                .filter(closes -> closes.isAfter(clock.instant()));
    }

    /** A number's latest inbound message on a channel. */
    public record Heard(Channel channel, String phone, Instant at) {}

    /**
     * Inbound messages open the window or extend it (never backwards, whatever order webhooks come in): one
     * statement for a batch, each number once (its latest message), in a fixed order so that concurrent batches
     * lock the windows they share in the same order.
     */
    public void opened(Collection<Heard> heard) {
        var latest = heard.stream()
                .collect(Collectors.toMap(
                        h -> h.channel().name() + " " + h.phone(),
                        h -> h,
                        (a, b) -> a.at().isAfter(b.at()) ? a : b,
                        TreeMap::new))
                .values();
        if (latest.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into service_window (channel, phone, last_inbound_at)
                        select * from unnest(cast(:channels as text[]), cast(:phones as text[]),
                                             cast(cast(:ats as text[]) as timestamptz[]))
                        on conflict (channel, phone) do update
                           set last_inbound_at = greatest(service_window.last_inbound_at, excluded.last_inbound_at)
                        """)
                .param("channels", latest.stream().map(h -> h.channel().name()).toArray(String[]::new))
                .param("phones", latest.stream().map(Heard::phone).toArray(String[]::new))
                .param("ats", latest.stream().map(h -> h.at().toString()).toArray(String[]::new))
                .update();
    }
}
