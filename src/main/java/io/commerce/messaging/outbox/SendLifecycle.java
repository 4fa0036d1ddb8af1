package io.commerce.messaging.outbox;

import static io.commerce.messaging.outbox.MessageRows.ts;

import io.commerce.messaging.MessageStatus;
import io.commerce.shared.Channel;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Repository;

/**
 * The dispatcher's side of a message: claimed ({@code queued} to {@code sending}) with {@code FOR UPDATE SKIP
 * LOCKED}, so any number of dispatchers on any number of instances share the work without taking a row
 * twice; then sent, rescheduled, deferred, held or finished.
 */
@Repository
public class SendLifecycle {

    private final Outbox outbox;
    private final MessageRows rows;
    private final StatusLedger ledger;

    SendLifecycle(Outbox outbox, MessageRows rows, StatusLedger ledger) {
        this.outbox = outbox;
        this.rows = rows;
        this.ledger = ledger;
    }

    /**
     * Takes up to {@code limit} due messages of a channel and marks them {@code sending}: transactional
     * ones first, then marketing, each oldest due first, so an order update never waits behind a campaign's
     * backlog; rows another dispatcher holds are skipped, not waited for.
     */
    public List<MessageRow> claimDue(Channel channel, int limit, Instant now) {
        if (limit <= 0) {
            return List.of();
        }
        // an update returns its rows in no particular order: the batch is handed on oldest due first, so that of
        // two messages to one customer the guardrails let the earlier go
        return outbox.sql("""
                        with claimed as (
                            update message m set status = 'SENDING', attempts = m.attempts + 1, sending_since = :now,
                                                 updated_at = :now
                              from (select id from message
                                     where status = 'QUEUED' and channel = :channel and next_attempt_at <= :now
                                     order by purpose = 'MARKETING', next_attempt_at
                                     limit :limit
                                     for update skip locked) due
                             where m.id = due.id
                            returning m.*)
                        select * from claimed order by purpose = 'MARKETING', next_attempt_at, created_at, id
                        """)
                .param("channel", channel.name())
                .param("limit", limit)
                .param("now", ts(now))
                .query(rows::map)
                .list();
    }

    /** Messages left in {@code sending} since before {@code cutoff}: their dispatcher died mid-send. */
    public List<MessageRow> stuckSending(Instant cutoff, int limit) {
        return outbox.sql("select * from message where status = 'SENDING' and sending_since < :cutoff"
                        + " order by sending_since limit :limit for update skip locked")
                .param("cutoff", ts(cutoff))
                .param("limit", limit)
                .query(rows::map)
                .list();
    }

    /**
     * The provider accepted these messages (a dispatcher batch), recorded in one statement after locking
     * them in id order (see {@link StatusLedger#lockForStatuses}). Returns the messages it moved: one a faster status
     * webhook already moved on (found by our id) is left alone.
     */
    public List<StatusLedger.MovedMessage> markAllSent(List<UUID> ids, List<String> providerMessageIds, Instant now) {
        outbox.sql("select id from message where id = any(cast(cast(:ids as text[]) as uuid[])) order by id for update")
                .param("ids", ids.stream().map(UUID::toString).toArray(String[]::new))
                .query(UUID.class)
                .list();
        return outbox.sql("""
                        with input as (
                            select * from unnest(cast(cast(:ids as text[]) as uuid[]), cast(:pids as text[])) as i(id, pid)),
                        sent as (
                            update message m set status = 'SENT', provider_message_id = i.pid, sending_since = null,
                                   held_reason = null, updated_at = :now
                              from input i
                             where m.id = i.id and m.status = 'SENDING'
                            returning m.id, m.customer_id, m.channel, m.purpose, m.template_key, i.pid),
                        recorded as (
                            insert into message_status_change (message_id, status, at, provider_message_id)
                            select id, 'SENT', :now, pid from sent
                            on conflict (message_id, status) do nothing)
                        select * from sent
                        """)
                .param("ids", ids.stream().map(UUID::toString).toArray(String[]::new))
                .param("pids", providerMessageIds.toArray(String[]::new))
                .param("now", ts(now))
                .query((rs, n) -> MessageRows.moved(rs))
                .list();
    }

    /** Back to the queue for a later attempt (a retryable failure, a pacing delay, a stuck send). */
    public void reschedule(
            UUID id, Instant at, boolean pairRateFailure, String errorCode, String errorTitle, Instant now) {
        outbox.sql("""
                        update message set status = 'QUEUED', next_attempt_at = :at, sending_since = null,
                               pair_rate_failures = pair_rate_failures + :pair,
                               error_code = coalesce(:code, error_code), error_title = coalesce(:title, error_title),
                               updated_at = :now
                         where id = :id and status in ('SENDING', 'QUEUED')
                        """)
                .param("at", ts(at))
                .param("pair", pairRateFailure ? 1 : 0)
                .param("code", errorCode)
                .param("title", errorTitle)
                .param("now", ts(now))
                .param("id", id)
                .update();
    }

    /**
     * A send that may have reached the provider but got no answer: it stays {@code sending}, with the error
     * noted, until a status webhook carrying our id moves it on or the sending timeout re-queues it.
     */
    public void outcomeUnknown(UUID id, String errorCode, String errorTitle, Instant now) {
        outbox.sql("update message set error_code = :code, error_title = :title, updated_at = :now"
                        + " where id = :id and status = 'SENDING'")
                .param("code", errorCode)
                .param("title", errorTitle)
                .param("now", ts(now))
                .param("id", id)
                .update();
    }

    /** A claimed message that waits after all: until when, and why when a guardrail holds it. */
    public record Deferral(UUID id, Instant until, String heldReason) {}

    /**
     * Back to the queue until their moments without spending an attempt, in one statement: pacing (the pair
     * gap) or a guardrail, whose reason ({@code heldReason}, null for pacing) is shown on the message.
     */
    public void deferAll(List<Deferral> deferrals, Instant now) {
        if (deferrals.isEmpty()) {
            return;
        }
        outbox.sql("""
                        update message m set status = 'QUEUED', next_attempt_at = d.until, held_reason = d.reason,
                               attempts = greatest(m.attempts - 1, 0), sending_since = null, updated_at = :now
                          from unnest(cast(cast(:ids as text[]) as uuid[]),
                                      cast(cast(:untils as text[]) as timestamptz[]),
                                      cast(:reasons as text[])) as d(id, until, reason)
                         where m.id = d.id and m.status = 'SENDING'
                        """)
                .param("ids", deferrals.stream().map(d -> d.id().toString()).toArray(String[]::new))
                .param(
                        "untils",
                        deferrals.stream().map(d -> d.until().toString()).toArray(String[]::new))
                .param("reasons", deferrals.stream().map(Deferral::heldReason).toArray(String[]::new))
                .param("now", ts(now))
                .update();
    }

    /** Moves a message to failed or cancelled unless it already reached a final status or delivery. */
    public boolean finish(UUID id, MessageStatus status, String errorCode, String errorTitle, Instant now) {
        var updated = outbox.sql("""
                        update message set status = :status, error_code = :code, error_title = :title,
                               sending_since = null, updated_at = :now
                         where id = :id and status in ('QUEUED', 'SENDING', 'SENT')
                        """)
                .param("status", status.name())
                .param("code", errorCode)
                .param("title", errorTitle)
                .param("now", ts(now))
                .param("id", id)
                .update();
        if (updated == 1) {
            ledger.recordStatus(id, status, now, null, errorCode, errorTitle, null);
        }
        return updated == 1;
    }

    /** Holds a queued message until {@code until}, or until {@link #releaseHeld} lets it go, for {@code reason}. */
    public void hold(UUID id, String reason, Instant until, Instant now) {
        outbox.sql("update message set next_attempt_at = :until, held_reason = :reason, updated_at = :now"
                        + " where id = :id and status = 'QUEUED'")
                .param("until", ts(until))
                .param("reason", reason)
                .param("now", ts(now))
                .param("id", id)
                .update();
    }

    /** Lets the customer's messages on this channel held for {@code reason} go now. */
    public void releaseHeld(String customerId, Channel channel, String reason, Instant now) {
        outbox.sql("""
                        update message set next_attempt_at = :now, held_reason = null, updated_at = :now
                         where customer_id = :customerId and channel = :channel and status = 'QUEUED'
                           and held_reason = :reason
                        """)
                .param("now", ts(now))
                .param("customerId", customerId)
                .param("channel", channel.name())
                .param("reason", reason)
                .update();
    }
}
