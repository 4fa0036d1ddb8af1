package io.commerce.messaging.outbox;

import static io.commerce.messaging.outbox.MessageRows.ts;

import io.commerce.messaging.MessageStatus;
import io.commerce.messaging.channel.StatusReport;
import io.commerce.shared.Channel;
import io.commerce.shared.Purpose;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Repository;

/**
 * A message's statuses: the provider's, applied from webhooks, and every status a message reaches after
 * {@code queued}, kept once in {@code message_status_change} (queued is the row itself, written at
 * {@code created_at}).
 */
@Repository
public class StatusLedger {

    /** One entry of a message's status history. */
    public record StatusChange(
            MessageStatus status, Instant at, String errorCode, String errorTitle, String pricingCategory) {}

    private final Outbox outbox;

    StatusLedger(Outbox outbox) {
        this.outbox = outbox;
    }

    public List<StatusChange> history(UUID id) {
        // queued is the message row itself; lifecycle order, as Meta's webhook timestamps are whole seconds
        return outbox.sql("""
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

    /**
     * Applies provider statuses in one statement, each message at most once in {@code reports}: only
     * forward by rank, failed only before delivery, nothing after a final status, each status recorded once.
     * A message is found by the provider's id or, when the webhook beat our own bookkeeping (or the sender
     * crashed), by our id echoed back ({@code biz_opaque_callback_data}, the SMS callback URL). Returns the
     * messages that moved, with the provider id of the report that moved each.
     */
    public List<Moved> applyStatuses(List<StatusReport> reports, Instant now) {
        lockForStatuses(reports);
        var moved = outbox.sql("""
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
                .param("codes", reports.stream().map(StatusReport::errorCode).toArray(String[]::new))
                .param("titles", reports.stream().map(StatusReport::errorTitle).toArray(String[]::new))
                .param(
                        "pricings",
                        reports.stream().map(StatusReport::pricingCategory).toArray(String[]::new))
                .param("now", ts(now))
                .query((rs, n) -> new Moved(MessageRows.moved(rs), rs.getString("pid")))
                .list();
        var movedIds = moved.stream().map(Moved::providerMessageId).collect(Collectors.toSet());
        var latePrices = reports.stream()
                .filter(r -> r.pricingCategory() != null && !movedIds.contains(r.providerMessageId()))
                .toList();
        if (!latePrices.isEmpty()) {
            // a duplicate or late status still tells the price (Meta sends pricing on one of delivered/read)
            outbox.sql("update message m set pricing_category = i.pricing from unnest(cast(:pids as text[]),"
                            + " cast(:pricings as text[])) as i(pid, pricing)"
                            + " where m.provider_message_id = i.pid and m.pricing_category is null")
                    .param(
                            "pids",
                            latePrices.stream()
                                    .map(StatusReport::providerMessageId)
                                    .toArray(String[]::new))
                    .param(
                            "pricings",
                            latePrices.stream()
                                    .map(StatusReport::pricingCategory)
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
    public void lockForStatuses(List<StatusReport> reports) {
        outbox.sql("""
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

    private static String[] providerIds(List<StatusReport> reports) {
        return reports.stream().map(StatusReport::providerMessageId).toArray(String[]::new);
    }

    private static String[] ourIds(List<StatusReport> reports) {
        return reports.stream()
                .map(r -> r.ourId() == null ? null : r.ourId().toString())
                .toArray(String[]::new);
    }

    /** A message a status moved, and the provider id of the report that moved it. */
    public record Moved(MovedMessage message, String providerMessageId) {}

    /** The identity of a message a status just moved, enough to publish the event. */
    public record MovedMessage(UUID id, String customerId, Channel channel, Purpose purpose, String templateKey) {}

    /** Records that a message reached {@code status}, once. */
    void recordStatus(
            UUID id, MessageStatus status, Instant at, String providerId, String code, String title, String pricing) {
        outbox.sql("""
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
}
