package io.commerce.journey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The enrollment table: idempotent enrolment, claims with SKIP LOCKED, step advances. */
@Repository
class Enrollments {

    private static final TypeReference<Map<String, String>> CONTEXT = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Enrollments(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Enrolls once per journey and trigger: a repeated event (at-least-once delivery) changes nothing. */
    boolean enroll(String journey, String triggerId, String customerId, Map<String, String> context, Instant runAt) {
        return jdbc.sql("""
                        insert into enrollment (id, journey, trigger_id, customer_id, status, next_run_at, context,
                                                created_at, updated_at)
                        values (:id, :journey, :trigger, :customer, 'ACTIVE', :runAt, cast(:context as jsonb), :runAt, :runAt)
                        on conflict (journey, trigger_id) do nothing
                        """)
                        .param("id", UUID.randomUUID())
                        .param("journey", journey)
                        .param("trigger", triggerId)
                        .param("customer", customerId)
                        .param("runAt", Timestamp.from(runAt))
                        .param("context", json.writeValueAsString(context))
                        .update()
                == 1;
    }

    /**
     * Leases up to {@code limit} due enrollments to one runner: rows another runner is claiming are skipped,
     * rows whose lease ran out (their runner died) are due again.
     */
    List<Enrollment> claimDue(int limit, Instant now, Duration lease) {
        return jdbc.sql("""
                        update enrollment e set claim_token = :token, claimed_until = :until
                          from (select id from enrollment
                                 where status = 'ACTIVE' and next_run_at <= :now
                                   and (claimed_until is null or claimed_until < :now)
                                 order by next_run_at
                                 limit :limit
                                 for update skip locked) due
                         where e.id = due.id
                        returning e.*
                        """)
                .param("token", UUID.randomUUID())
                .param("until", Timestamp.from(now.plus(lease)))
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    /** The next step and when; false when the lease was lost (the caller must roll back). */
    boolean advance(Enrollment enrollment, int step, Instant runAt, Instant now) {
        return jdbc.sql("update enrollment set step = :step, next_run_at = :runAt, attempts = 0, claim_token = null,"
                                + " claimed_until = null, updated_at = :now where id = :id and claim_token = :token")
                        .param("step", step)
                        .param("runAt", Timestamp.from(runAt))
                        .param("now", Timestamp.from(now))
                        .param("id", enrollment.id())
                        .param("token", enrollment.claimToken())
                        .update()
                == 1;
    }

    /** Completed or exited; false when the lease was lost (the caller must roll back). */
    boolean end(Enrollment enrollment, String status, String reason, Instant now) {
        return jdbc.sql("update enrollment set status = :status, exit_reason = :reason, claim_token = null,"
                                + " claimed_until = null, updated_at = :now where id = :id and claim_token = :token")
                        .param("status", status)
                        .param("reason", reason)
                        .param("now", Timestamp.from(now))
                        .param("id", enrollment.id())
                        .param("token", enrollment.claimToken())
                        .update()
                == 1;
    }

    /** A step that failed: try again later, the failure counted, the lease given back. */
    void retryLater(Enrollment enrollment, Instant runAt, Instant now) {
        jdbc.sql("update enrollment set attempts = attempts + 1, next_run_at = :runAt, claim_token = null,"
                        + " claimed_until = null, updated_at = :now where id = :id and claim_token = :token")
                .param("runAt", Timestamp.from(runAt))
                .param("now", Timestamp.from(now))
                .param("id", enrollment.id())
                .param("token", enrollment.claimToken())
                .update();
    }

    private Enrollment map(ResultSet rs, int row) throws SQLException {
        return new Enrollment(
                rs.getObject("id", UUID.class),
                rs.getString("journey"),
                rs.getString("trigger_id"),
                rs.getString("customer_id"),
                rs.getInt("step"),
                json.readValue(rs.getString("context"), CONTEXT),
                rs.getInt("attempts"),
                rs.getTimestamp("next_run_at").toInstant(),
                rs.getObject("claim_token", UUID.class));
    }
}
