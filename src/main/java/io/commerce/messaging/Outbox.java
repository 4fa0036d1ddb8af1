package io.commerce.messaging;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.commerce.shared.Channel;
import io.commerce.shared.Purpose;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbound queue. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so any number of dispatchers
 * on any number of instances share the work without taking a row twice; every status a message reaches
 * after {@code queued} is kept once in {@code message_status_change} (queued is the row itself, written at
 * {@code created_at}).
 */
@Repository
class Outbox {

    /** One entry of a message's status history. */
    record StatusChange(
            MessageStatus status, Instant at, String errorCode, String errorTitle, String pricingCategory) {}

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final JsonMapper json;

    Outbox(JdbcClient jdbc, NamedParameterJdbcTemplate batch, JsonMapper json) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json.rebuild()
                .addMixIn(OutboundContent.class, StoredContent.class)
                .build();
    }

    /** In the {@code content} column every content names its kind; the API needs no such field. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = OutboundContent.Template.class, name = "template"),
        @JsonSubTypes.Type(value = OutboundContent.Text.class, name = "text"),
        @JsonSubTypes.Type(value = OutboundContent.Buttons.class, name = "buttons"),
        @JsonSubTypes.Type(value = OutboundContent.ListMenu.class, name = "list"),
        @JsonSubTypes.Type(value = OutboundContent.CtaUrl.class, name = "ctaUrl"),
        @JsonSubTypes.Type(value = OutboundContent.Media.class, name = "media"),
        @JsonSubTypes.Type(value = OutboundContent.Reaction.class, name = "reaction"),
        @JsonSubTypes.Type(value = OutboundContent.Catalog.class, name = "catalog"),
        @JsonSubTypes.Type(value = OutboundContent.Product.class, name = "product"),
        @JsonSubTypes.Type(value = OutboundContent.ProductList.class, name = "productList")
    })
    private interface StoredContent {}

    /**
     * Queues a message: written now, or, inside {@link #together}, with the others of that call (every other
     * statement of this outbox writes the waiting ones first, so reads see them).
     */
    void insert(MessageRow row) {
        if (TransactionSynchronizationManager.getResource(this) instanceof Waiting waiting) {
            waiting.rows().add(row);
        } else {
            write(List.of(row));
        }
    }

    /**
     * Runs {@code work} with the messages it queues written together when it returns, in one JDBC batch (one
     * round trip instead of one per message): for a caller queueing many in one transaction.
     */
    void together(Runnable work) {
        if (TransactionSynchronizationManager.hasResource(this)) {
            work.run(); // already inside: the outer call writes
            return;
        }
        TransactionSynchronizationManager.bindResource(this, new Waiting(new ArrayList<>()));
        try {
            work.run();
            writeWaiting();
        } finally {
            TransactionSynchronizationManager.unbindResource(this);
        }
    }

    /** Messages queued inside {@link #together}, not written yet. */
    private record Waiting(List<MessageRow> rows) {}

    private void writeWaiting() {
        if (TransactionSynchronizationManager.getResource(this) instanceof Waiting waiting
                && !waiting.rows().isEmpty()) {
            var rows = List.copyOf(waiting.rows());
            waiting.rows().clear();
            write(rows);
        }
    }

    /** Every statement of this outbox but the queueing one: messages waiting to be written go first. */
    private StatementSpec sql(String sql) {
        writeWaiting();
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
                .addValue("content", contentJson(row.content()))
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

    Optional<MessageRow> find(UUID id) {
        return sql("select * from message where id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    Optional<MessageRow> findByProviderId(String providerMessageId) {
        return sql("select * from message where provider_message_id = :pid")
                .param("pid", providerMessageId)
                .query(this::map)
                .optional();
    }

    List<StatusChange> history(UUID id) {
        // queued is the message row itself; lifecycle order, as Meta's webhook timestamps are whole seconds
        return sql("""
                        select * from (
                            select 'QUEUED' as status, created_at as at, null as error_code, null as error_title,
                                   null as pricing_category
                              from message where id = :id
                            union all
                            select status, at, error_code, error_title, pricing_category
                              from message_status_change where message_id = :id) history
                         order by message_status_rank(status), at
                        """)
                .param("id", id)
                .query((rs, n) -> new StatusChange(
                        MessageStatus.valueOf(rs.getString("status")),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("error_code"),
                        rs.getString("error_title"),
                        rs.getString("pricing_category")))
                .list();
    }

    List<MessageRow> list(String customerId, MessageStatus status, long offset, int limit) {
        return sql("select * from message where (cast(:customerId as varchar) is null or customer_id = :customerId)"
                        + " and (cast(:status as varchar) is null or status = :status)"
                        + " order by created_at desc, id limit :limit offset :offset")
                .param("customerId", customerId)
                .param("status", status == null ? null : status.name())
                .param("limit", limit)
                .param("offset", offset)
                .query(this::map)
                .list();
    }

    long count(String customerId, MessageStatus status) {
        return sql("select count(*) from message where (cast(:customerId as varchar) is null or customer_id = :customerId)"
                        + " and (cast(:status as varchar) is null or status = :status)")
                .param("customerId", customerId)
                .param("status", status == null ? null : status.name())
                .query(Long.class)
                .single();
    }

    List<MessageRow> byCustomer(String customerId) {
        return sql("select * from message where customer_id = :customerId order by created_at, id")
                .param("customerId", customerId)
                .query(this::map)
                .list();
    }

    /**
     * Takes up to {@code limit} due messages of a channel and marks them {@code sending}: transactional
     * ones first, then marketing, each oldest due first, so an order update never waits behind a campaign's
     * backlog; rows another dispatcher holds are skipped, not waited for.
     */
    List<MessageRow> claimDue(Channel channel, int limit, Instant now) {
        if (limit <= 0) {
            return List.of();
        }
        return sql("""
                        update message m set status = 'SENDING', attempts = m.attempts + 1, sending_since = :now,
                                             updated_at = :now
                          from (select id from message
                                 where status = 'QUEUED' and channel = :channel and next_attempt_at <= :now
                                 order by purpose = 'MARKETING', next_attempt_at
                                 limit :limit
                                 for update skip locked) due
                         where m.id = due.id
                        returning m.*
                        """)
                .param("channel", channel.name())
                .param("limit", limit)
                .param("now", ts(now))
                .query(this::map)
                .list();
    }

    /** Messages left in {@code sending} since before {@code cutoff}: their dispatcher died mid-send. */
    List<MessageRow> stuckSending(Instant cutoff, int limit) {
        return sql("select * from message where status = 'SENDING' and sending_since < :cutoff"
                        + " order by sending_since limit :limit for update skip locked")
                .param("cutoff", ts(cutoff))
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    /**
     * The provider accepted these messages (a dispatcher batch), recorded in one statement after locking
     * them in id order (see {@link #lockForStatuses}). Returns the messages it moved: one a faster status
     * webhook already moved on (found by our id) is left alone.
     */
    List<MovedMessage> markAllSent(List<UUID> ids, List<String> providerMessageIds, Instant now) {
        sql("select id from message where id = any(cast(cast(:ids as text[]) as uuid[])) order by id for update")
                .param("ids", ids.stream().map(UUID::toString).toArray(String[]::new))
                .query(UUID.class)
                .list();
        return sql("""
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
                .query((rs, n) -> moved(rs))
                .list();
    }

    /** Back to the queue for a later attempt (a retryable failure, a pacing delay, a stuck send). */
    void reschedule(UUID id, Instant at, boolean pairRateFailure, String errorCode, String errorTitle, Instant now) {
        sql("""
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
    void outcomeUnknown(UUID id, String errorCode, String errorTitle, Instant now) {
        sql("update message set error_code = :code, error_title = :title, updated_at = :now"
                        + " where id = :id and status = 'SENDING'")
                .param("code", errorCode)
                .param("title", errorTitle)
                .param("now", ts(now))
                .param("id", id)
                .update();
    }

    /**
     * Back to the queue until {@code until} without spending an attempt: pacing (the pair gap) or a
     * guardrail, whose reason ({@code heldReason}, null for pacing) is shown on the message.
     */
    void defer(UUID id, Instant until, String heldReason, Instant now) {
        sql("update message set status = 'QUEUED', next_attempt_at = :until, held_reason = :reason,"
                        + " attempts = greatest(attempts - 1, 0), sending_since = null, updated_at = :now"
                        + " where id = :id and status = 'SENDING'")
                .param("until", ts(until))
                .param("reason", heldReason)
                .param("now", ts(now))
                .param("id", id)
                .update();
    }

    /** When the customer's marketing messages were sent since {@code since}, oldest first (all channels). */
    List<Instant> marketingSentSince(String customerId, Instant since) {
        return sql("select c.at from message_status_change c join message m on m.id = c.message_id"
                        + " where m.customer_id = :customer and m.purpose = 'MARKETING' and c.status = 'SENT'"
                        + " and c.at > :since order by c.at")
                .param("customer", customerId)
                .param("since", ts(since))
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .list();
    }

    /** When the customer was last sent a message of any kind. */
    Optional<Instant> lastSentTo(String customerId) {
        return sql("select max(c.at) from message_status_change c join message m on m.id = c.message_id"
                        + " where m.customer_id = :customer and c.status = 'SENT'")
                .param("customer", customerId)
                .query((rs, n) -> rs.getTimestamp(1))
                .optional()
                .map(Timestamp::toInstant);
    }

    /** Moves a message to failed or cancelled unless it already reached a final status or delivery. */
    boolean finish(UUID id, MessageStatus status, String errorCode, String errorTitle, Instant now) {
        var updated = sql("""
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
            recordStatus(id, status, now, null, errorCode, errorTitle, null);
        }
        return updated == 1;
    }

    /**
     * Applies provider statuses in one statement, each message at most once in {@code reports}: only
     * forward by rank, failed only before delivery, nothing after a final status, each status recorded once.
     * A message is found by the provider's id or, when the webhook beat our own bookkeeping (or the sender
     * crashed), by our id echoed back ({@code biz_opaque_callback_data}, the SMS callback URL). Returns the
     * messages that moved, with the provider id of the report that moved each.
     */
    List<Moved> applyStatuses(List<StatusUpdates.StatusReport> reports, Instant now) {
        lockForStatuses(reports);
        var moved = sql("""
                        with input as (
                            select * from unnest(cast(:pids as text[]), cast(cast(:ourIds as text[]) as uuid[]),
                                                 cast(:statuses as text[]), cast(cast(:ats as text[]) as timestamptz[]),
                                                 cast(:codes as text[]), cast(:titles as text[]), cast(:pricings as text[]))
                                   as i(pid, our_id, status, at, code, title, pricing)),
                        moved as (
                            update message m set status = i.status, updated_at = :now, provider_message_id = i.pid,
                                   error_code = coalesce(i.code, m.error_code), error_title = coalesce(i.title, m.error_title),
                                   pricing_category = coalesce(i.pricing, m.pricing_category), sending_since = null
                              from input i
                             where (m.provider_message_id = i.pid
                                    or (m.id = i.our_id and (m.provider_message_id is null or m.provider_message_id = i.pid)))
                               and m.status not in ('FAILED', 'CANCELLED')
                               and case when i.status = 'FAILED' then message_status_rank(m.status) < 3
                                        else message_status_rank(m.status) < message_status_rank(i.status) end
                            returning m.id, m.customer_id, m.channel, m.purpose, m.template_key, i.pid),
                        recorded as (
                            insert into message_status_change (message_id, status, at, provider_message_id, error_code,
                                                               error_title, pricing_category)
                            select mv.id, i.status, i.at, i.pid, i.code, i.title, i.pricing
                              from moved mv join input i on i.pid = mv.pid
                            on conflict (message_id, status) do nothing)
                        select * from moved
                        """)
                .param("pids", providerIds(reports))
                .param("ourIds", ourIds(reports))
                .param("statuses", reports.stream().map(r -> r.status().name()).toArray(String[]::new))
                .param("ats", reports.stream().map(r -> r.at().toString()).toArray(String[]::new))
                .param(
                        "codes",
                        reports.stream()
                                .map(StatusUpdates.StatusReport::errorCode)
                                .toArray(String[]::new))
                .param(
                        "titles",
                        reports.stream()
                                .map(StatusUpdates.StatusReport::errorTitle)
                                .toArray(String[]::new))
                .param(
                        "pricings",
                        reports.stream()
                                .map(StatusUpdates.StatusReport::pricingCategory)
                                .toArray(String[]::new))
                .param("now", ts(now))
                .query((rs, n) -> new Moved(moved(rs), rs.getString("pid")))
                .list();
        var movedIds = moved.stream().map(Moved::providerMessageId).collect(Collectors.toSet());
        var latePrices = reports.stream()
                .filter(r -> r.pricingCategory() != null && !movedIds.contains(r.providerMessageId()))
                .toList();
        if (!latePrices.isEmpty()) {
            // a duplicate or late status still tells the price (Meta sends pricing on one of delivered/read)
            sql("update message m set pricing_category = i.pricing from unnest(cast(:pids as text[]),"
                            + " cast(:pricings as text[])) as i(pid, pricing)"
                            + " where m.provider_message_id = i.pid and m.pricing_category is null")
                    .param(
                            "pids",
                            latePrices.stream()
                                    .map(StatusUpdates.StatusReport::providerMessageId)
                                    .toArray(String[]::new))
                    .param(
                            "pricings",
                            latePrices.stream()
                                    .map(StatusUpdates.StatusReport::pricingCategory)
                                    .toArray(String[]::new))
                    .update();
        }
        return moved;
    }

    /**
     * Locks the messages these reports are about, in id order. Applying statuses and recording a batch as
     * sent, which may change the same messages at the same moment, both take their locks in that one order
     * first ({@code UPDATE … FROM unnest(…)} alone locks in whatever order its plan visits the rows), so
     * they wait for each other instead of deadlocking.
     */
    void lockForStatuses(List<StatusUpdates.StatusReport> reports) {
        sql("""
                        select id from message
                         where provider_message_id = any(cast(:pids as text[]))
                            or id = any(cast(cast(:ourIds as text[]) as uuid[]))
                         order by id
                           for update
                        """)
                .param("pids", providerIds(reports))
                .param("ourIds", ourIds(reports))
                .query(UUID.class)
                .list();
    }

    private static String[] providerIds(List<StatusUpdates.StatusReport> reports) {
        return reports.stream()
                .map(StatusUpdates.StatusReport::providerMessageId)
                .toArray(String[]::new);
    }

    private static String[] ourIds(List<StatusUpdates.StatusReport> reports) {
        return reports.stream()
                .map(r -> r.ourId() == null ? null : r.ourId().toString())
                .toArray(String[]::new);
    }

    /** A message a status moved, and the provider id of the report that moved it. */
    record Moved(MovedMessage message, String providerMessageId) {}

    /** The identity of a message a status just moved, enough to publish the event. */
    record MovedMessage(UUID id, String customerId, Channel channel, Purpose purpose, String templateKey) {}

    /** Cancels queued messages of a customer (all, or one channel and purpose); returns how many. */
    int cancelQueued(String customerId, Channel channel, Purpose purpose, String reason, Instant now) {
        var ids = sql("""
                        update message set status = 'CANCELLED', error_code = :reason, updated_at = :now
                         where customer_id = :customerId and status = 'QUEUED'
                           and (cast(:channel as varchar) is null or channel = :channel)
                           and (cast(:purpose as varchar) is null or purpose = :purpose)
                        returning id
                        """)
                .param("reason", reason)
                .param("now", ts(now))
                .param("customerId", customerId)
                .param("channel", channel == null ? null : channel.name())
                .param("purpose", purpose == null ? null : purpose.name())
                .query(UUID.class)
                .list();
        ids.forEach(id -> recordStatus(id, MessageStatus.CANCELLED, now, null, reason, null, null));
        return ids.size();
    }

    /** How many of the customer's messages of this channel and purpose a sender claimed after {@code since} and still has. */
    int sendingSince(String customerId, Channel channel, Purpose purpose, Instant since) {
        return sql("""
                        select count(*) from message
                         where customer_id = :customerId and channel = :channel and purpose = :purpose
                           and status = 'SENDING' and sending_since > :since
                        """)
                .param("customerId", customerId)
                .param("channel", channel.name())
                .param("purpose", purpose.name())
                .param("since", ts(since))
                .query(Integer.class)
                .single();
    }

    /** Holds a queued message until {@code until}, or until {@link #releaseHeld} lets it go, for {@code reason}. */
    void hold(UUID id, String reason, Instant until, Instant now) {
        sql("update message set next_attempt_at = :until, held_reason = :reason, updated_at = :now"
                        + " where id = :id and status = 'QUEUED'")
                .param("until", ts(until))
                .param("reason", reason)
                .param("now", ts(now))
                .param("id", id)
                .update();
    }

    /** Lets the customer's messages on this channel held for {@code reason} go now. */
    void releaseHeld(String customerId, Channel channel, String reason, Instant now) {
        sql("""
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

    /**
     * Cancels the still-queued messages of one origin (a cancelled campaign) in one statement, each with
     * its status change; returns how many.
     */
    int cancelQueued(Origin origin, String reason, Instant now) {
        return sql("""
                        with cancelled as (
                            update message set status = 'CANCELLED', error_code = :reason, updated_at = :now
                             where origin_ref = :ref and origin = :label and status = 'QUEUED'
                            returning id),
                        recorded as (
                            insert into message_status_change (message_id, status, at, error_code)
                            select id, 'CANCELLED', :now, :reason from cancelled
                            on conflict (message_id, status) do nothing)
                        select count(*) from cancelled
                        """)
                .param("reason", reason)
                .param("now", ts(now))
                .param("ref", origin.ref())
                .param("label", origin.label())
                .query(Integer.class)
                .single();
    }

    /** The messages of one origin by status, and the queued ones a guardrail holds. */
    MessageCounts countByOrigin(Origin origin) {
        return sql("""
                        select count(*) filter (where status = 'QUEUED') as queued,
                               count(*) filter (where status = 'SENDING') as sending,
                               count(*) filter (where status = 'SENT') as sent,
                               count(*) filter (where status = 'DELIVERED') as delivered,
                               count(*) filter (where status = 'READ') as read,
                               count(*) filter (where status = 'FAILED') as failed,
                               count(*) filter (where status = 'CANCELLED') as cancelled,
                               count(*) filter (where status = 'QUEUED' and held_reason is not null) as held
                          from message where origin_ref = :ref and origin = :label
                        """)
                .param("ref", origin.ref())
                .param("label", origin.label())
                .query((rs, n) -> new MessageCounts(
                        rs.getLong("queued"),
                        rs.getLong("sending"),
                        rs.getLong("sent"),
                        rs.getLong("delivered"),
                        rs.getLong("read"),
                        rs.getLong("failed"),
                        rs.getLong("cancelled"),
                        rs.getLong("held")))
                .single();
    }

    /** The {@code content} column's JSON for this content, exactly as {@link #insert} writes it. */
    String contentJson(OutboundContent content) {
        return json.writeValueAsString(content);
    }

    /** Erasure: forget the number and the words, keep the fact that a message existed. */
    void anonymise(String customerId) {
        sql("update message set recipient = null, sms_text = null, content = '{\"kind\":\"text\",\"body\":\"\",\"previewUrl\":false}'"
                        + " where customer_id = :customerId")
                .param("customerId", customerId)
                .update();
    }

    long queueDepth() {
        return sql("select count(*) from message where status = 'QUEUED'")
                .query(Long.class)
                .single();
    }

    Optional<Instant> oldestDue(Instant now) {
        return sql("select min(next_attempt_at) from message where status = 'QUEUED' and next_attempt_at <= :now")
                .param("now", ts(now))
                .query((rs, n) -> rs.getTimestamp(1))
                .optional()
                .map(Timestamp::toInstant);
    }

    private void recordStatus(
            UUID id, MessageStatus status, Instant at, String providerId, String code, String title, String pricing) {
        sql("""
                        insert into message_status_change (message_id, status, at, provider_message_id, error_code,
                                                           error_title, pricing_category)
                        values (:id, :status, :at, :pid, :code, :title, :pricing)
                        on conflict (message_id, status) do nothing
                        """)
                .param("id", id)
                .param("status", status.name())
                .param("at", ts(at))
                .param("pid", providerId)
                .param("code", code)
                .param("title", title)
                .param("pricing", pricing)
                .update();
    }

    private static MovedMessage moved(ResultSet rs) throws SQLException {
        return new MovedMessage(
                rs.getObject("id", UUID.class),
                rs.getString("customer_id"),
                Channel.valueOf(rs.getString("channel")),
                Purpose.valueOf(rs.getString("purpose")),
                rs.getString("template_key"));
    }

    private MessageRow map(ResultSet rs, int row) throws SQLException {
        return new MessageRow(
                rs.getObject("id", UUID.class),
                rs.getString("customer_id"),
                Channel.valueOf(rs.getString("channel")),
                Purpose.valueOf(rs.getString("purpose")),
                MessageCategory.valueOf(rs.getString("category")),
                MessageStatus.valueOf(rs.getString("status")),
                rs.getString("recipient"),
                rs.getString("timezone"),
                rs.getString("language"),
                rs.getString("template_key"),
                json.readValue(rs.getString("content"), OutboundContent.class),
                rs.getString("sms_text"),
                rs.getString("reply_to"),
                origin(rs),
                rs.getString("provider_message_id"),
                rs.getString("error_code"),
                rs.getString("error_title"),
                rs.getString("pricing_category"),
                rs.getInt("attempts"),
                rs.getInt("pair_rate_failures"),
                instant(rs, "next_attempt_at"),
                rs.getObject("fallback_of", UUID.class),
                rs.getObject("fallback_message_id", UUID.class),
                rs.getObject("retry_of", UUID.class),
                rs.getString("held_reason"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static Origin origin(ResultSet rs) throws SQLException {
        var label = rs.getString("origin");
        return label == null ? null : new Origin(label, rs.getString("origin_ref"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
