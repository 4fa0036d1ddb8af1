package io.commerce.messaging.outbox;

import io.commerce.messaging.MessagingProperties;
import io.commerce.messaging.channel.Channels;
import io.commerce.shared.Channel;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Limits as scheduling. Per channel, a token bucket kept in {@code channel_pace} (shared by all instances,
 * one second of burst): a claim may take only as many messages as the number's throughput allows. Per
 * WhatsApp recipient, {@code recipient_pace} keeps the last send, so a second message within the pair gap
 * is deferred to the gap's end instead of provoking 131056.
 */
@Component
public class Pacing {

    private static final Duration BURST = Duration.ofSeconds(1);

    private final JdbcClient jdbc;
    private final MessagingProperties properties;
    private final Channels channels;

    Pacing(JdbcClient jdbc, MessagingProperties properties, Channels channels) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.channels = channels;
    }

    /** A slot reservation for one claim: how many may go now, and where the bucket started. */
    public record Budget(Channel channel, int allowed, Instant start, int perSecond) {}

    /** Locks the channel's bucket for this transaction and tells how many messages may be claimed. */
    public Budget budget(Channel channel, int wanted, Instant now) {
        if (!properties.dispatcher().pacing()) {
            return new Budget(channel, wanted, now, 0);
        }
        var perSecond = channels.settings(channel).messagesPerSecond();
        jdbc.sql("insert into channel_pace (channel, next_free_at) values (:channel, :full) on conflict do nothing")
                .param("channel", channel.name())
                .param("full", Timestamp.from(now.minus(BURST))) // a new bucket starts full
                .update();
        var nextFree = jdbc.sql("select next_free_at from channel_pace where channel = :channel for update")
                .param("channel", channel.name())
                .query(Timestamp.class)
                .single()
                .toInstant();
        // a correct writer never leaves the bucket later than its own clock; one further ahead than a burst was
        // written by a clock running ahead (another instance's, or a test's moved on): it would hold every send
        // until then, so it starts full again, and this claim's spend brings it back to this clock
        var start =
                nextFree.isAfter(now.minus(BURST)) && !nextFree.isAfter(now.plus(BURST)) ? nextFree : now.minus(BURST);
        var available = Duration.between(start, now).toNanos() * perSecond / 1_000_000_000L;
        return new Budget(channel, (int) Math.max(0, Math.min(wanted, available)), start, perSecond);
    }

    /** Spends the tokens the claim used. */
    public void spend(Budget budget, int used) {
        if (budget.perSecond() == 0 || used == 0) {
            return;
        }
        var next = budget.start().plusNanos(used * 1_000_000_000L / budget.perSecond());
        jdbc.sql("update channel_pace set next_free_at = :next where channel = :channel")
                .param("next", Timestamp.from(next))
                .param("channel", budget.channel().name())
                .update();
    }

    /**
     * Takes the slot of each of these recipients whose pair gap has passed since the last send to them (one
     * statement, numbers in a fixed order so that concurrent claims lock them alike); tells, for each of the
     * others, when it will have.
     */
    public Map<String, Instant> takeRecipientSlots(Channel channel, Collection<String> phones, Instant now) {
        var gap = channels.settings(channel).pairGap();
        var wanted = new TreeSet<>(phones);
        if (wanted.isEmpty()) {
            return Map.of();
        }
        var taken = Set.copyOf(jdbc.sql("""
                        insert into recipient_pace (phone, last_sent_at)
                        select phone, :now from unnest(cast(:phones as text[])) phone order by phone
                        on conflict (phone) do update set last_sent_at = excluded.last_sent_at
                         where recipient_pace.last_sent_at <= :free
                        returning phone
                        """)
                .param("phones", wanted.toArray(String[]::new))
                .param("now", Timestamp.from(now))
                .param("free", Timestamp.from(now.minus(gap)))
                .query(String.class)
                .list());
        wanted.removeAll(taken);
        if (wanted.isEmpty()) {
            return Map.of();
        }
        var busy = new HashMap<String, Instant>();
        jdbc.sql("select phone, last_sent_at from recipient_pace where phone = any(:phones)")
                .param("phones", wanted.toArray(String[]::new))
                .query(rs -> {
                    busy.put(rs.getString(1), rs.getTimestamp(2).toInstant().plus(gap));
                });
        return busy;
    }
}
