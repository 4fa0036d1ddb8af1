package io.commerce.journey.engine;

import io.commerce.journey.EnrollmentView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The enrollment table: idempotent enrolment, claims with SKIP LOCKED, step advances. */
@Repository
public class Enrollments {

    private static final TypeReference<Map<String, String>> CONTEXT = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Enrollments(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Enrolls once per journey and trigger: a repeated event (at-least-once delivery) changes nothing.
     *
     * @return the new enrollment's id, empty when it existed already
     */
    Optional<UUID> enroll(
            String journey,
            String triggerId,
            String customerId,
            Map<String, String> context,
            Instant runAt,
            Instant now) {
        var id = UUID.randomUUID();
        var inserted = jdbc.sql("""
                        insert into enrollment (id, journey, trigger_id, customer_id, status, next_run_at, context,
                                                created_at, updated_at)
                        values (:id, :journey, :trigger, :customer, 'ACTIVE', :runAt, cast(:context as jsonb), :now, :now)
                        on conflict (journey, trigger_id) do nothing
                        """)
                .param("id", id)
                .param("journey", journey)
                .param("trigger", triggerId)
                .param("customer", customerId)
                .param("runAt", Timestamp.from(runAt))
                .param("now", Timestamp.from(now))
                .param("context", json.writeValueAsString(context))
                .update();
        return inserted == 1 ? Optional.of(id) : Optional.empty();
    }

    /** A new enrollment made by {@link #enrollAll}. */
    record Entered(UUID id, String triggerId, String customerId) {}

    /**
     * Enrolls many at once in one statement (a scan's page), each once per journey and trigger: those enrolled
     * before are skipped.
     *
     * @return the enrollments made now
     */
    List<Entered> enrollAll(String journey, List<Enroller.Candidate> candidates, Instant runAt, Instant now) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        insert into enrollment (id, journey, trigger_id, customer_id, status, next_run_at, context,
                                                created_at, updated_at)
                        select gen_random_uuid(), :journey, c.trigger_id, c.customer_id, 'ACTIVE', :runAt,
                               cast(c.context as jsonb), :now, :now
                          from unnest(cast(:triggers as text[]), cast(:customers as text[]), cast(:contexts as text[]))
                               as c(trigger_id, customer_id, context)
                        on conflict (journey, trigger_id) do nothing
                        returning id, trigger_id, customer_id
                        """)
                .param("journey", journey)
                .param(
                        "triggers",
                        candidates.stream().map(Enroller.Candidate::triggerId).toArray(String[]::new))
                .param(
                        "customers",
                        candidates.stream().map(Enroller.Candidate::customerId).toArray(String[]::new))
                .param(
                        "contexts",
                        candidates.stream()
                                .map(candidate -> json.writeValueAsString(candidate.context()))
                                .toArray(String[]::new))
                .param("runAt", Timestamp.from(runAt))
                .param("now", Timestamp.from(now))
                .query((rs, row) -> new Entered(
                        rs.getObject("id", UUID.class), rs.getString("trigger_id"), rs.getString("customer_id")))
                .list();
    }

    /**
     * Moves the next run of the active enrollment still at {@code step} (a changed cart restarts the clock of
     * the reminder it waits for); false when it is at another step or no longer active.
     */
    public boolean reschedule(String journey, String triggerId, int step, Instant runAt, Instant now) {
        return jdbc.sql("""
                        update enrollment set next_run_at = :runAt, attempts = 0, updated_at = :now
                         where journey = :journey and trigger_id = :trigger and status = 'ACTIVE' and step = :step
                        """)
                        .param("step", step)
                        .param("runAt", Timestamp.from(runAt))
                        .param("now", Timestamp.from(now))
                        .param("journey", journey)
                        .param("trigger", triggerId)
                        .update()
                == 1;
    }

    /**
     * Leases up to {@code limit} due enrollments to one runner: rows another runner is claiming are skipped,
     * rows whose lease ran out (their runner died) are due again.
     */
    public List<Enrollment> claimDue(int limit, Instant now, Duration lease) {
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

    /** An enrollment ended from outside a step: who, and at which step. */
    record Ended(UUID id, String customerId, int step) {}

    /**
     * Ends the active enrollments of a journey for this trigger that reached {@code fromStep} (an order
     * placed ends cart reminders); a step running meanwhile loses its lease and rolls back.
     */
    List<Ended> endActive(String journey, String triggerId, int fromStep, String outcome, String reason, Instant now) {
        return jdbc.sql("""
                        update enrollment set status = :status, exit_reason = :reason, awaiting_reply = false,
                               claim_token = null, claimed_until = null, updated_at = :now
                         where journey = :journey and trigger_id = :trigger and status = 'ACTIVE' and step >= :fromStep
                        returning id, customer_id, step
                        """)
                .param("status", status(outcome))
                .param("reason", reason)
                .param("now", Timestamp.from(now))
                .param("journey", journey)
                .param("trigger", triggerId)
                .param("fromStep", fromStep)
                .query((rs, row) ->
                        new Ended(rs.getObject("id", UUID.class), rs.getString("customer_id"), rs.getInt("step")))
                .list();
    }

    /** How many steps are due now (the runner's backlog), from the due index alone. */
    public long dueCount(Instant now) {
        return jdbc.sql("select count(*) from enrollment where status = 'ACTIVE' and next_run_at <= :now")
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    /** Per journey, how many enrollments are in each status. */
    public Map<String, Map<String, Long>> countsByJourney() {
        var counts = new HashMap<String, Map<String, Long>>();
        jdbc.sql("select journey, status, count(*) as n from enrollment group by journey, status")
                .query(rs -> {
                    counts.computeIfAbsent(rs.getString("journey"), j -> new TreeMap<>())
                            .put(rs.getString("status").toLowerCase(Locale.ROOT), rs.getLong("n"));
                });
        return counts;
    }

    /** Per journey, how many enrollments ended for each reason. */
    public Map<String, Map<String, Long>> endReasonsByJourney() {
        var counts = new HashMap<String, Map<String, Long>>();
        jdbc.sql("select journey, exit_reason, count(*) as n from enrollment where exit_reason is not null"
                        + " group by journey, exit_reason")
                .query(rs -> {
                    counts.computeIfAbsent(rs.getString("journey"), j -> new TreeMap<>())
                            .put(rs.getString("exit_reason"), rs.getLong("n"));
                });
        return counts;
    }

    /** A customer's enrollments, oldest first. */
    public List<EnrollmentView> byCustomer(String customerId) {
        return jdbc.sql("""
                        select id, journey, trigger_id, step, status, exit_reason, next_run_at, awaiting_reply,
                               created_at, updated_at
                          from enrollment where customer_id = :customer order by created_at, id
                        """)
                .param("customer", customerId)
                .query((rs, row) -> new EnrollmentView(
                        rs.getObject("id", UUID.class).toString(),
                        rs.getString("journey"),
                        rs.getString("trigger_id"),
                        rs.getInt("step"),
                        rs.getString("status").toLowerCase(Locale.ROOT),
                        rs.getString("exit_reason"),
                        "ACTIVE".equals(rs.getString("status"))
                                ? rs.getTimestamp("next_run_at").toInstant()
                                : null,
                        rs.getBoolean("awaiting_reply"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("updated_at").toInstant()))
                .list();
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

    /** An ended enrollment's status is its outcome, upper-cased: {@code completed} → {@code COMPLETED}. */
    static String status(String outcome) {
        return outcome.toUpperCase(Locale.ROOT);
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
