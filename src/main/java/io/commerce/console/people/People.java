package io.commerce.console.people;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code person} table: who may sign in, their password hash, and their wrong passwords in a row. */
@Repository
class People {

    private final JdbcClient jdbc;

    People(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Person> byEmail(String email) {
        return jdbc.sql("select * from person where lower(email) = lower(:email)")
                .param("email", email)
                .query(People::map)
                .optional();
    }

    Optional<Person> byId(UUID id) {
        return jdbc.sql("select * from person where id = :id")
                .param("id", id)
                .query(People::map)
                .optional();
    }

    Optional<String> passwordHash(UUID id) {
        return jdbc.sql("select password_hash from person where id = :id")
                .param("id", id)
                .query(String.class)
                .optional();
    }

    List<Person> all() {
        return jdbc.sql("select * from person order by lower(name), lower(email)")
                .query(People::map)
                .list();
    }

    boolean anyAdmin() {
        return jdbc.sql("select exists (select 1 from person where role = 'ADMIN')")
                .query(Boolean.class)
                .single();
    }

    /** False when the email or the agent already has a person. */
    boolean insert(Person person, String passwordHash) {
        return jdbc.sql("""
                        insert into person (id, email, name, password_hash, role, agent_id, language, enabled,
                                            created_at, updated_at)
                        values (:id, :email, :name, :hash, :role, :agent, :language, :enabled, :at, :at)
                        on conflict do nothing
                        """)
                        .param("id", person.id())
                        .param("email", person.email())
                        .param("name", person.name())
                        .param("hash", passwordHash)
                        .param("role", person.role().name())
                        .param("agent", person.agentId())
                        .param("language", person.language())
                        .param("enabled", person.enabled())
                        .param("at", Timestamp.from(person.createdAt()))
                        .update()
                > 0;
    }

    void language(UUID id, String language, Instant at) {
        set(id, "language = :value", language, at);
    }

    void password(UUID id, String passwordHash, Instant at) {
        set(id, "password_hash = :value", passwordHash, at);
    }

    void enabled(UUID id, boolean enabled, Instant at) {
        set(id, "enabled = :value", enabled, at);
    }

    /** An admin lifts a lock before it ends; the count of wrong passwords starts again. */
    void unlock(UUID id, Instant at) {
        set(id, "locked_until = null, failed_sign_ins = :value", 0, at);
    }

    private void set(UUID id, String assignment, Object value, Instant at) {
        jdbc.sql("update person set " + assignment + ", updated_at = :at where id = :id")
                .param("id", id)
                .param("value", value)
                .param("at", Timestamp.from(at))
                .update();
    }

    /**
     * One more wrong password for this email, in one statement (two attempts at once both count); the one that
     * makes {@code limit} locks the account for {@code lockFor} and starts the count again.
     */
    void failedSignIn(String email, int limit, Duration lockFor, Instant at) {
        jdbc.sql("""
                        update person
                           set failed_sign_ins = case when failed_sign_ins + 1 >= :limit then 0 else failed_sign_ins + 1 end,
                               locked_until = case when failed_sign_ins + 1 >= :limit then :until else locked_until end,
                               updated_at = :at
                         where lower(email) = lower(:email)
                        """)
                .param("email", email)
                .param("limit", limit)
                .param("until", Timestamp.from(at.plus(lockFor)))
                .param("at", Timestamp.from(at))
                .update();
    }

    void signedIn(String email, Instant at) {
        jdbc.sql("update person set failed_sign_ins = 0, updated_at = :at where lower(email) = lower(:email)"
                        + " and failed_sign_ins > 0")
                .param("email", email)
                .param("at", Timestamp.from(at))
                .update();
    }

    private static Person map(ResultSet rs, int row) throws SQLException {
        var locked = rs.getTimestamp("locked_until");
        return new Person(
                rs.getObject("id", UUID.class),
                rs.getString("email"),
                rs.getString("name"),
                Role.valueOf(rs.getString("role")),
                rs.getString("agent_id"),
                rs.getString("language"),
                rs.getBoolean("enabled"),
                rs.getInt("failed_sign_ins"),
                locked == null ? null : locked.toInstant(),
                rs.getTimestamp("created_at").toInstant());
    }
}
