package io.commerce.messaging.outbox;

import static io.commerce.messaging.outbox.MessageRows.ts;

import io.commerce.messaging.MessageStatus;
import io.commerce.messaging.Origin;
import io.commerce.shared.Channel;
import io.commerce.shared.Purpose;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Repository;

/**
 * Messages stopped before they go (a withdrawn consent, an erased customer, a cancelled campaign), and
 * erasure's anonymising of the ones kept.
 */
@Repository
public class Cancellations {

    private final Outbox outbox;
    private final StatusLedger ledger;

    Cancellations(Outbox outbox, StatusLedger ledger) {
        this.outbox = outbox;
        this.ledger = ledger;
    }

    /** Cancels queued messages of a customer (all, or one channel and purpose); returns how many. */
    public int cancelQueued(String customerId, Channel channel, Purpose purpose, String reason, Instant now) {
        var ids = outbox.sql("""
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
        ids.forEach(id -> ledger.recordStatus(id, MessageStatus.CANCELLED, now, null, reason, null, null));
        return ids.size();
    }

    /**
     * Cancels the still-queued messages of one origin (a cancelled campaign) in one statement, each with
     * its status change; returns how many.
     */
    public int cancelQueued(Origin origin, String reason, Instant now) {
        return outbox.sql("""
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

    /** Erasure: forget the number and the words, keep the fact that a message existed. */
    public void anonymise(String customerId) {
        outbox.sql(
                        "update message set recipient = null, sms_text = null, content = '{\"kind\":\"text\",\"body\":\"\",\"previewUrl\":false}'"
                                + " where customer_id = :customerId")
                .param("customerId", customerId)
                .update();
    }
}
