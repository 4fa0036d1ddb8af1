package io.commerce.conversation.store;

import io.commerce.shared.Channel;
import io.commerce.shared.WrittenTogether;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The conversation table: one row per conversation, at most one unresolved per contact and channel. */
@Repository
public class Conversations {

    private final JdbcClient jdbc;
    private final WrittenTogether<Queued> queued = new WrittenTogether<>(this::writeQueued);

    Conversations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every statement about the table: the conversations marked queued before it are written first. */
    private JdbcClient.StatementSpec sql(String statement) {
        queued.flush();
        return jdbc.sql(statement);
    }

    /** The conversation waits in the agents' queue since {@code at}: now, or, inside {@link #together}, with the others. */
    public void markQueued(UUID id, Instant at) {
        queued.write(new Queued(id, at));
    }

    /** Runs {@code work} with the conversations it marks queued written together, in one statement, when it returns. */
    public void together(Runnable work) {
        queued.during(work);
    }

    private record Queued(UUID id, Instant at) {}

    private void writeQueued(List<Queued> marks) {
        jdbc.sql("""
                        update conversation c set queued_at = mark.at
                          from unnest(cast(:ids as uuid[]), cast(cast(:ats as text[]) as timestamptz[])) as mark (id, at)
                         where c.id = mark.id
                        """)
                .param("ids", marks.stream().map(Queued::id).toArray(UUID[]::new))
                .param("ats", marks.stream().map(mark -> mark.at().toString()).toArray(String[]::new))
                .update();
    }

    /** A contact's unresolved conversation on the channel, or a new one: locked for this transaction. */
    public Joined join(
            Channel channel, String phone, @Nullable String customerId, @Nullable String language, Instant at) {
        var opened = sql("""
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
        var row = sql("""
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

    /** A message from a contact on a channel: who they are when known, the language they read, when they wrote. */
    public record Wrote(
            Channel channel,
            String phone,
            @Nullable String customerId,
            @Nullable String language,
            Instant at) {

        public Contact contact() {
            return new Contact(channel, phone);
        }
    }

    /** Whom a conversation is with: one unresolved conversation at most per contact. */
    public record Contact(Channel channel, String phone) {}

    /**
     * A contact's messages: the first (who, language, when a new conversation opened), when the latest came and
     * how many there were.
     */
    private record Span(Wrote first, Instant last, int count) {

        Span then(Span next) {
            return new Span(first, next.last().isAfter(last) ? next.last() : last, count + next.count());
        }
    }

    /**
     * Contacts wrote: each one's unresolved conversation on the channel is open again (snoozed or pending ones
     * too), was last active at their latest message and learns who the customer is, or a new one opens; in one
     * statement for all of them, rows taken in the order of channel and phone (so that two transactions joining
     * the same contacts cannot deadlock) and locked for this transaction.
     */
    public Map<Contact, Joined> customersWrote(Collection<Wrote> messages) {
        var byContact = new TreeMap<Contact, Span>(
                Comparator.comparing((Contact c) -> c.channel().name()).thenComparing(Contact::phone));
        messages.forEach(wrote -> byContact.merge(wrote.contact(), new Span(wrote, wrote.at(), 1), Span::then));
        if (byContact.isEmpty()) {
            return Map.of();
        }
        var firsts = byContact.values().stream().map(Span::first).toList();
        var joined = new HashMap<Contact, Joined>();
        sql("""
                        insert into conversation (id, channel, phone, customer_id, language, status, opened_at,
                                                  last_message_at, unread)
                        select id, channel, phone, customer_id, language, 'OPEN', opened_at, last_at, unread
                          from unnest(cast(:ids as uuid[]), cast(:channels as text[]), cast(:phones as text[]),
                                      cast(:customers as text[]), cast(:languages as text[]),
                                      cast(cast(:opened as text[]) as timestamptz[]),
                                      cast(cast(:last as text[]) as timestamptz[]), cast(:counts as int[]))
                               as wrote (id, channel, phone, customer_id, language, opened_at, last_at, unread)
                         order by channel, phone
                        on conflict (channel, phone) where status <> 'RESOLVED' do update
                           set status = 'OPEN', snoozed_until = null,
                               customer_id = coalesce(conversation.customer_id, excluded.customer_id),
                               last_message_at = greatest(conversation.last_message_at, excluded.last_message_at),
                               unread = conversation.unread + excluded.unread
                        returning *, xmax = 0 as inserted
                        """)
                .param("ids", firsts.stream().map(w -> UUID.randomUUID()).toArray(UUID[]::new))
                .param("channels", firsts.stream().map(w -> w.channel().name()).toArray(String[]::new))
                .param("phones", firsts.stream().map(Wrote::phone).toArray(String[]::new))
                .param("customers", firsts.stream().map(Wrote::customerId).toArray(String[]::new))
                .param("languages", firsts.stream().map(Wrote::language).toArray(String[]::new))
                .param("opened", firsts.stream().map(w -> w.at().toString()).toArray(String[]::new))
                .param(
                        "last",
                        byContact.values().stream()
                                .map(w -> w.last().toString())
                                .toArray(String[]::new))
                .param(
                        "counts",
                        byContact.values().stream()
                                .mapToInt(Span::count)
                                .boxed()
                                .toArray(Integer[]::new))
                .query((rs, n) -> new Joined(ConversationRow.map(rs, n), rs.getBoolean("inserted")))
                .list()
                .forEach(row -> joined.put(
                        new Contact(
                                row.conversation().channel(), row.conversation().phone()),
                        row));
        return joined;
    }

    public Optional<ConversationRow> find(UUID id) {
        return sql("select * from conversation where id = :id")
                .param("id", id)
                .query(ConversationRow::map)
                .optional();
    }

    /** Of these conversations, those waiting in the agents' queue with nobody assigned, unlocked. */
    public List<ConversationRow> waitingUnassigned(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return sql("""
                        select * from conversation
                         where id = any(:ids) and assignee is null and queued_at is not null and status <> 'RESOLVED'
                        """)
                .param("ids", ids.toArray(UUID[]::new))
                .query(ConversationRow::map)
                .list();
    }

    public Optional<ConversationRow> lock(UUID id) {
        return sql("select * from conversation where id = :id for update")
                .param("id", id)
                .query(ConversationRow::map)
                .optional();
    }

    /** The contact's last resolved conversation on the channel, if any: where a late rating belongs. */
    public Optional<ConversationRow> lastResolved(Channel channel, String phone) {
        return sql("""
                        select * from conversation where channel = :channel and phone = :phone and status = 'RESOLVED'
                         order by resolved_at desc limit 1
                        """)
                .param("channel", channel.name())
                .param("phone", phone)
                .query(ConversationRow::map)
                .optional();
    }

    /** Nothing the customer wrote is unread any more; a conversation with nothing unread is not written. */
    public void seen(UUID id) {
        sql("update conversation set unread = 0 where id = :id and unread > 0")
                .param("id", id)
                .update();
    }

    /** Sets columns of one conversation; {@code set} is a fixed SQL fragment naming them, never user input. */
    public Updater update(UUID id, String set) {
        return new Updater(
                sql("update conversation set " + set + " where id = :id").param("id", id));
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
        return sql("""
                        update conversation set status = 'OPEN', snoozed_until = null
                         where status = 'SNOOZED' and snoozed_until <= :now
                        """).param("now", Timestamp.from(now)).update();
    }

    public List<ConversationRow> byCustomer(String customerId) {
        return sql("select * from conversation where customer_id = :customer order by opened_at, id")
                .param("customer", customerId)
                .query(ConversationRow::map)
                .list();
    }

    public void deleteByCustomer(String customerId) {
        sql("delete from conversation where customer_id = :customer")
                .param("customer", customerId)
                .update();
    }
}
