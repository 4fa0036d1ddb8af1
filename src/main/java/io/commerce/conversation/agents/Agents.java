package io.commerce.conversation.agents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The agent table, and the choice of who takes a conversation: an available agent who speaks the
 * customer's language, below their capacity, least loaded first (then the one who has waited longest for
 * work: the earliest last assignment, by id for ties). The chosen agent's row is locked, so that two
 * assignments at once never take an agent past capacity.
 */
@Repository
class Agents {

    /** An agent's load, {@code open_conversations}, is kept on their row by a trigger (db/V25__agent_load.sql). */
    private static final String SELECT_AGENTS = "select a.* from agent a";

    private final JdbcClient jdbc;

    Agents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates or replaces the agent; true when created. */
    boolean upsert(String agentId, AgentDetails details, Instant now) {
        return jdbc.sql("""
                        insert into agent (id, name, email, languages, max_open_conversations, available,
                                           created_at, updated_at)
                        values (:id, :name, :email, :languages, :max, :available, :now, :now)
                        on conflict (id) do update set name = excluded.name, email = excluded.email,
                               languages = excluded.languages, max_open_conversations = excluded.max_open_conversations,
                               available = excluded.available, updated_at = excluded.updated_at
                        returning (xmax = 0)
                        """)
                .param("id", agentId)
                .param("name", details.name())
                .param("email", details.email())
                .param("languages", details.languages().toArray(String[]::new))
                .param("max", details.maxOpenConversations())
                .param("available", details.available())
                .param("now", Timestamp.from(now))
                .query(Boolean.class)
                .single();
    }

    Optional<AgentView> find(String agentId) {
        return jdbc.sql(SELECT_AGENTS + " where a.id = :id")
                .param("id", agentId)
                .query(Agents::map)
                .optional();
    }

    List<AgentView> list() {
        return jdbc.sql(SELECT_AGENTS + " order by a.id").query(Agents::map).list();
    }

    boolean exists(String agentId) {
        return jdbc.sql("select count(*) from agent where id = :id")
                        .param("id", agentId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * The agent who should take a conversation in this language (any language when null), locked. Agents being
     * given another conversation at this moment are passed over first (their rows locked), so that assignments
     * at once go to different agents instead of queueing for one; when all who fit are busy so, it waits.
     */
    Optional<String> choose(@Nullable String language) {
        return chooseUnlocked(language).or(() -> choose(language, ""));
    }

    /** The agent who should take it among those whose row nobody holds (their load read as it is now), locked. */
    Optional<String> chooseUnlocked(@Nullable String language) {
        return choose(language, "skip locked");
    }

    private Optional<String> choose(@Nullable String language, String whenLocked) {
        return jdbc.sql("""
                        select a.id from agent a
                         where a.available and (cast(:language as varchar) is null or :language = any(a.languages))
                           and a.open_conversations < a.max_open_conversations
                         order by a.open_conversations, a.id
                         limit 1
                           for update of a %s
                        """.formatted(whenLocked))
                .param("language", language)
                .query(String.class)
                .optional();
    }

    Room room() {
        var languages = jdbc.sql("""
                        select distinct coalesce(l.language, '') from agent a left join unnest(a.languages) l(language) on true
                         where a.available and a.open_conversations < a.max_open_conversations
                        """).query(String.class).set();
        return new Room(
                !languages.isEmpty(),
                languages.stream().filter(l -> !l.isEmpty()).collect(Collectors.toSet()));
    }

    /**
     * Whether the (locked) agent is still below capacity, read afresh: a conversation another transaction
     * gave them is counted once that transaction released the lock.
     */
    boolean hasRoom(String agentId) {
        return jdbc.sql("""
                        select a.open_conversations < a.max_open_conversations from agent a where a.id = :id
                        """).param("id", agentId).query(Boolean.class).single();
    }

    private static AgentView map(ResultSet rs, int row) throws SQLException {
        return new AgentView(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("email"),
                Arrays.asList((String[]) rs.getArray("languages").getArray()),
                rs.getInt("max_open_conversations"),
                rs.getBoolean("available"),
                rs.getLong("open_conversations"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
