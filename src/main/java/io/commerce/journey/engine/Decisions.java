package io.commerce.journey.engine;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the steps of a chunk decided, written to their enrollments together: every advance in one statement,
 * every end in another, each row only while the runner still holds its lease.
 */
@Repository
public class Decisions {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Decisions(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** What a step decided for an enrollment its runner leased. */
    public record Decision(Enrollment enrollment, Step next) {}

    /**
     * Writes what the steps decided: the next step and when (the step's memories added to the context, the
     * last answer cleared; an {@link Step.AwaitReply} waits for the customer's answer until its timeout), or
     * the end, its outcome as status. A group's advances go in one statement and its ends in another, one round
     * trip each. False when a lease was lost (the caller must roll back).
     */
    public boolean record(List<Decision> decisions, Instant now) {
        var advances = new ArrayList<Decision>();
        var ends = new ArrayList<Decision>();
        decisions.forEach(decision -> (decision.next() instanceof Step.End ? ends : advances).add(decision));
        return advanced(advances, now) && ended(ends, now);
    }

    /** The steps that go on, in one statement; true when every enrollment was still leased as claimed. */
    private boolean advanced(List<Decision> advances, Instant now) {
        if (advances.isEmpty()) {
            return true;
        }
        var steps = new String[advances.size()];
        var runAts = new String[advances.size()];
        var awaiting = new String[advances.size()];
        var awaited = new String[advances.size()];
        var remember = new String[advances.size()];
        for (int i = 0; i < advances.size(); i++) {
            switch (advances.get(i).next()) {
                case Step.Next wait -> {
                    steps[i] = String.valueOf(wait.step());
                    runAts[i] = now.plus(wait.after()).toString();
                    awaiting[i] = "false";
                    remember[i] = json.writeValueAsString(wait.remember());
                }
                case Step.AwaitReply wait -> {
                    steps[i] = String.valueOf(wait.step());
                    runAts[i] = now.plus(wait.timeout()).toString();
                    awaiting[i] = "true";
                    awaited[i] = wait.messageId();
                    remember[i] = json.writeValueAsString(wait.remember());
                }
                case Step.End end -> throw new IllegalArgumentException("an end is not an advance");
            }
        }
        return leased(
                advances,
                """
                        update enrollment e set step = a.step, next_run_at = a.run_at, attempts = 0,
                               context = (e.context - 'reply' - 'replyText' - 'replyChannel') || a.remember,
                               awaiting_reply = a.awaiting, awaiting_message_id = a.awaited,
                               claim_token = null, claimed_until = null, updated_at = :now
                          from unnest(cast(cast(:ids as text[]) as uuid[]), cast(cast(:tokens as text[]) as uuid[]),
                                      cast(cast(:steps as text[]) as int[]),
                                      cast(cast(:runAts as text[]) as timestamptz[]),
                                      cast(cast(:remember as text[]) as jsonb[]),
                                      cast(cast(:awaiting as text[]) as boolean[]), cast(:awaited as text[]))
                               as a(id, token, step, run_at, remember, awaiting, awaited)
                         where e.id = a.id and e.claim_token = a.token
                        """,
                now,
                spec -> spec.param("steps", steps)
                        .param("runAts", runAts)
                        .param("remember", remember)
                        .param("awaiting", awaiting)
                        .param("awaited", awaited));
    }

    /** The enrollments that end, in one statement; true when every one was still leased as claimed. */
    private boolean ended(List<Decision> ends, Instant now) {
        if (ends.isEmpty()) {
            return true;
        }
        return leased(
                ends,
                """
                        update enrollment e set status = x.status, exit_reason = x.reason, awaiting_reply = false,
                               claim_token = null, claimed_until = null, updated_at = :now
                          from unnest(cast(cast(:ids as text[]) as uuid[]), cast(cast(:tokens as text[]) as uuid[]),
                                      cast(:statuses as text[]), cast(:reasons as text[])) as x(id, token, status, reason)
                         where e.id = x.id and e.claim_token = x.token
                        """,
                now,
                spec -> spec.param(
                                "statuses",
                                ends.stream()
                                        .map(end -> Enrollments.status(((Step.End) end.next()).outcome()))
                                        .toArray(String[]::new))
                        .param(
                                "reasons",
                                ends.stream()
                                        .map(end -> ((Step.End) end.next()).reason())
                                        .toArray(String[]::new)));
    }

    /** Runs an update of these decisions' enrollments, keyed by id and lease; true when it updated every one. */
    private boolean leased(
            List<Decision> decisions, String sql, Instant now, UnaryOperator<JdbcClient.StatementSpec> columns) {
        var statement = jdbc.sql(sql)
                .param(
                        "ids",
                        decisions.stream()
                                .map(d -> d.enrollment().id().toString())
                                .toArray(String[]::new))
                .param(
                        "tokens",
                        decisions.stream()
                                .map(d -> String.valueOf(d.enrollment().claimToken()))
                                .toArray(String[]::new))
                .param("now", Timestamp.from(now));
        return columns.apply(statement).update() == decisions.size();
    }
}
