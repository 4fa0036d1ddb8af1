package io.commerce.messaging.outbox;

import static io.commerce.messaging.outbox.MessageColumns.ts;

import io.commerce.shared.WrittenTogether;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Repository;

/**
 * The outbound queue: writes messages, one at a time or, inside {@link #together}, in one JDBC batch. Every
 * other statement about the {@code message} table ({@link MessageReads}, {@link SendLifecycle},
 * {@link StatusLedger}, {@link Cancellations}) goes through {@link #sql}, which writes the waiting messages
 * first, so reads see them.
 */
@Repository
public class Outbox {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final MessageColumns columns;
    private final WrittenTogether<MessageRow> waiting = new WrittenTogether<>(this::write);

    Outbox(JdbcClient jdbc, NamedParameterJdbcTemplate batch, MessageColumns columns) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.columns = columns;
    }

    /**
     * Queues a message: written now, or, inside {@link #together}, with the others of that call (every other
     * statement about messages writes the waiting ones first, so reads see them).
     */
    public void insert(MessageRow row) {
        waiting.write(row);
    }

    /**
     * Runs {@code work} with the messages it queues written together when it returns, in one JDBC batch (one
     * round trip instead of one per message): for a caller queueing many in one transaction.
     */
    public void together(Runnable work) {
        waiting.during(work);
    }

    /** Every statement about messages but the queueing one: messages waiting to be written go first. */
    public StatementSpec sql(String sql) {
        waiting.flush();
        return jdbc.sql(sql);
    }

    /** The messages, one statement each in one batch (their {@code queued} status is the row itself). */
    private void write(List<MessageRow> rows) {
        batch.batchUpdate("""
                insert into message (id, customer_id, channel, purpose, category, status, recipient, timezone, language,
                                     template_key, content, sms_text, reply_to, origin, origin_ref, attempts,
                                     next_attempt_at, fallback_of, retry_of, created_at, updated_at)
                values (:id, :customerId, :channel, :purpose, :category, 'QUEUED', :recipient, :timezone, :language,
                        :templateKey, cast(:content as jsonb), :smsText, :replyTo, :origin, :originRef, 0,
                        :nextAttemptAt, :fallbackOf, :retryOf, :now, :now)
                """, rows.stream().map(this::insertParameters).toArray(SqlParameterSource[]::new));
        rows.stream()
                .filter(row -> row.fallbackOf() != null)
                .forEach(row -> jdbc.sql("update message set fallback_message_id = :fallback where id = :original")
                        .param("fallback", row.id())
                        .param("original", row.fallbackOf())
                        .update());
    }

    private SqlParameterSource insertParameters(MessageRow row) {
        return new MapSqlParameterSource()
                .addValue("id", row.id())
                .addValue("customerId", row.customerId())
                .addValue("channel", row.channel().name())
                .addValue("purpose", row.purpose().name())
                .addValue("category", row.category().name())
                .addValue("recipient", row.recipient())
                .addValue("timezone", row.timezone())
                .addValue("language", row.language())
                .addValue("templateKey", row.templateKey())
                .addValue("content", columns.contentJson(row.content()))
                .addValue("smsText", row.smsText())
                .addValue("replyTo", row.replyTo())
                .addValue("origin", row.origin() == null ? null : row.origin().label())
                .addValue(
                        "originRef", row.origin() == null ? null : row.origin().ref())
                .addValue("nextAttemptAt", ts(row.nextAttemptAt()))
                .addValue("fallbackOf", row.fallbackOf())
                .addValue("retryOf", row.retryOf())
                .addValue("now", ts(row.createdAt()));
    }
}
