package io.commerce.conversation.store;

import io.commerce.shared.Channel;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The conversation table: one row per conversation, at most one unresolved per contact and channel. */
@Repository
public class Conversations {

    private final JdbcClient jdbc;

    Conversations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A contact's unresolved conversation on the channel, or a new one: locked for this transaction. */
    public Joined join(
            Channel channel, String phone, @Nullable String customerId, @Nullable String language, Instant at) {
        var opened = jdbc.sql("""
                        insert into conversation (id, channel, phone, customer_id, language, status, opened_at,
                                                  last_message_at)
                        values (:id, :channel, :phone, :customer, :language, 'OPEN', :at, :at)
                        on conflict (channel, phone) where status <> 'RESOLVED' do nothing
                        """)
                        .param("id", UUID.randomUUID())
                        .param("channel", channel.name())
                        .param("phone", phone)
                        .param("customer", customerId)
                        .param("language", language)
                        .param("at", Timestamp.from(at))
                        .update()
                > 0;
        var row = jdbc.sql("""
                        select * from conversation where channel = :channel and phone = :phone and status <> 'RESOLVED'
                           for update
                        """)
                .param("channel", channel.name())
                .param("phone", phone)
                .query(ConversationRow::map)
                .single();
        return new Joined(row, opened);
    }

    /** The conversation joined, and whether it was opened just now. */
    public record Joined(ConversationRow conversation, boolean opened) {}

    /**
     * A customer wrote: their unresolved conversation on the channel is open again (snoozed or pending ones
     * too), was last active now and learns who the customer is, or a new one opens; in one statement, the row
     * locked for this transaction.
     */
    public Joined customerWrote(
            Channel channel, String phone, @Nullable String customerId, @Nullable String language, Instant at) {
        return jdbc.sql("""
                        insert into conversation (id, channel, phone, customer_id, language, status, opened_at,
                                                  last_message_at)
                        values (:id, :channel, :phone, :customer, :language, 'OPEN', :at, :at)
                        on conflict (channel, phone) where status <> 'RESOLVED' do update
                           set status = 'OPEN', snoozed_until = null,
                               customer_id = coalesce(conversation.customer_id, excluded.customer_id),
                               last_message_at = greatest(conversation.last_message_at, excluded.last_message_at)
                        returning *, xmax = 0 as inserted
                        """)
                .param("id", UUID.randomUUID())
                .param("channel", channel.name())
                .param("phone", phone)
                .param("customer", customerId)
                .param("language", language)
                .param("at", Timestamp.from(at))
                .query((rs, n) -> new Joined(ConversationRow.map(rs, n), rs.getBoolean("inserted")))
                .single();
    }

    public Optional<ConversationRow> find(UUID id) {
        return jdbc.sql("select * from conversation where id = :id")
                .param("id", id)
                .query(ConversationRow::map)
                .optional();
    }

    /** Of these conversations, those waiting in the agents' queue with nobody assigned, unlocked. */
    public List<ConversationRow> waitingUnassigned(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select * from conversation
                         where id = any(:ids) and assignee is null and queued_at is not null and status <> 'RESOLVED'
                        """)
                .param("ids", ids.toArray(UUID[]::new))
                .query(ConversationRow::map)
                .list();
    }

    public Optional<ConversationRow> lock(UUID id) {
        return jdbc.sql("select * from conversation where id = :id for update")
                .param("id", id)
                .query(ConversationRow::map)
                .optional();
    }

    /** The contact's last resolved conversation on the channel, if any: where a late rating belongs. */
    public Optional<ConversationRow> lastResolved(Channel channel, String phone) {
        return jdbc.sql("""
                        select * from conversation where channel = :channel and phone = :phone and status = 'RESOLVED'
                         order by resolved_at desc limit 1
                        """)
                .param("channel", channel.name())
                .param("phone", phone)
                .query(ConversationRow::map)
                .optional();
    }

    /** Sets columns of one conversation; {@code set} is a fixed SQL fragment naming them, never user input. */
    public Updater update(UUID id, String set) {
        return new Updater(
                jdbc.sql("update conversation set " + set + " where id = :id").param("id", id));
    }

    /** Parameters of one {@link #update}. */
    public static final class Updater {
        private JdbcClient.StatementSpec statement;

        private Updater(JdbcClient.StatementSpec statement) {
            this.statement = statement;
        }

        public Updater with(String name, @Nullable Object value) {
            statement = statement.param(name, value instanceof Instant at ? Timestamp.from(at) : value);
            return this;
        }

        public void run() {
            statement.update();
        }
    }

    /** Snoozed conversations whose time came are open again; returns how many. */
    public int wake(Instant now) {
        return jdbc.sql("""
                        update conversation set status = 'OPEN', snoozed_until = null
                         where status = 'SNOOZED' and snoozed_until <= :now
                        """).param("now", Timestamp.from(now)).update();
    }

    public List<ConversationRow> byCustomer(String customerId) {
        return jdbc.sql("select * from conversation where customer_id = :customer order by opened_at, id")
                .param("customer", customerId)
                .query(ConversationRow::map)
                .list();
    }

    public void deleteByCustomer(String customerId) {
        jdbc.sql("delete from conversation where customer_id = :customer")
                .param("customer", customerId)
                .update();
    }
}
