package io.commerce.conversation.store;

import io.commerce.conversation.Author;
import io.commerce.conversation.ConversationView;
import io.commerce.shared.WrittenTogether;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The lines the service writes to a conversation itself (what the customer sent, what the bot and agents
 * answered) and the agents' internal notes.
 */
@Repository
public class ConversationLines {

    /** One stored line; {@code inboundId} for the customer's, {@code messageId} for our answers. */
    public record Line(
            Direction direction,
            Author author,
            @Nullable String agentId,
            @Nullable Long inboundId,
            @Nullable UUID messageId,
            String type,
            @Nullable String text,
            @Nullable String mediaId,
            Instant at) {}

    /** Whether the customer wrote the line or the shop answered it. */
    public enum Direction {
        INBOUND,
        OUTBOUND
    }

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final WrittenTogether<Added> waiting = new WrittenTogether<>(this::write);

    ConversationLines(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * Those of {@code items} whose inbound message (by {@code inboundId}) has no line in any conversation yet,
     * in their order: the ones still to route.
     */
    public <T> List<T> withoutLine(List<T> items, ToLongFunction<T> inboundId) {
        if (items.isEmpty()) {
            return items;
        }
        waiting.flush();
        var routed = new HashSet<>(jdbc.sql("select inbound_id from conversation_message where inbound_id = any(:ids)")
                .param("ids", items.stream().mapToLong(inboundId).boxed().toArray(Long[]::new))
                .query(Long.class)
                .list());
        return items.stream()
                .filter(item -> !routed.contains(inboundId.applyAsLong(item)))
                .toList();
    }

    /** Adds the line: written now, or, inside {@link #together}, with the others of that call. */
    public void add(UUID conversationId, Line line) {
        waiting.write(new Added(conversationId, line));
    }

    /**
     * Runs {@code work} with the lines it adds written together when it returns, in one JDBC batch: for a
     * caller adding many in one transaction (a webhook batch's messages and their answers).
     */
    public void together(Runnable work) {
        waiting.during(work);
    }

    /** A line for a conversation, as {@link #add} takes it. */
    private record Added(UUID conversationId, Line line) {}

    private void write(List<Added> added) {
        batch.batchUpdate("""
                        insert into conversation_message (conversation_id, direction, author, agent_id, inbound_id,
                                                          message_id, type, text, media_id, at)
                        values (:conversation, :direction, :author, :agent, :inbound, :message, :type, :text,
                                :media, :at)
                        """, added.stream().map(ConversationLines::parameters).toArray(SqlParameterSource[]::new));
    }

    private static SqlParameterSource parameters(Added added) {
        var line = added.line();
        return new MapSqlParameterSource()
                .addValue("conversation", added.conversationId())
                .addValue("direction", line.direction().name())
                .addValue("author", line.author().name())
                .addValue("agent", line.agentId())
                .addValue("inbound", line.inboundId())
                .addValue("message", line.messageId())
                .addValue("type", line.type())
                .addValue("text", line.text())
                .addValue("media", line.mediaId())
                .addValue("at", Timestamp.from(line.at()));
    }

    public List<Line> of(UUID conversationId) {
        waiting.flush();
        return jdbc.sql("select * from conversation_message where conversation_id = :id order by at, id")
                .param("id", conversationId)
                .query((rs, n) -> new Line(
                        Direction.valueOf(rs.getString("direction")),
                        Author.valueOf(rs.getString("author")),
                        rs.getString("agent_id"),
                        rs.getObject("inbound_id", Long.class),
                        rs.getObject("message_id", UUID.class),
                        rs.getString("type"),
                        rs.getString("text"),
                        rs.getString("media_id"),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }

    public void note(UUID conversationId, String agentId, String text, Instant at) {
        jdbc.sql("""
                        insert into conversation_note (conversation_id, agent_id, text, created_at)
                        values (:conversation, :agent, :text, :at)
                        """)
                .param("conversation", conversationId)
                .param("agent", agentId)
                .param("text", text)
                .param("at", Timestamp.from(at))
                .update();
    }

    public List<ConversationView.Note> notes(UUID conversationId) {
        return jdbc.sql("select * from conversation_note where conversation_id = :id order by created_at, id")
                .param("id", conversationId)
                .query((rs, n) -> new ConversationView.Note(
                        rs.getString("agent_id"),
                        rs.getString("text"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }
}
