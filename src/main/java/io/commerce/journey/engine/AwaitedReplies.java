package io.commerce.journey.engine;

import io.commerce.shared.Channel;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The enrollments waiting for a customer's answer, on the {@code enrollment} table: who waits, and the answer kept. */
@Repository
class AwaitedReplies {

    private final JdbcClient jdbc;

    AwaitedReplies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Of these customers, those with an active enrollment waiting for their reply, in one query. */
    Set<String> awaitingReply(Collection<String> customerIds) {
        if (customerIds.isEmpty()) {
            return Set.of();
        }
        return jdbc.sql("select customer_id from enrollment where customer_id = any(:customers) and awaiting_reply"
                        + " and status = 'ACTIVE'")
                .param("customers", customerIds.toArray(String[]::new))
                .query(String.class)
                .set();
    }

    /**
     * The customer answered: the enrollment waiting for that message (else the customer's most recent
     * waiting one) keeps the answer and runs now.
     *
     * @return the journey that took the answer, if one was waiting
     */
    Optional<String> replyArrived(
            String customerId, String messageId, Channel channel, String payload, String text, Instant now) {
        return jdbc.sql("""
                        update enrollment e
                           set context = e.context || jsonb_strip_nulls(jsonb_build_object(
                                   'reply', cast(:payload as text), 'replyText', cast(:text as text),
                                   'replyChannel', cast(:channel as text))),
                               awaiting_reply = false, next_run_at = :now, updated_at = :now
                          from (select id from enrollment
                                 where customer_id = :customer and awaiting_reply and status = 'ACTIVE'
                                 order by (awaiting_message_id is not distinct from :message) desc, updated_at desc
                                 limit 1
                                 for update) waiting
                         where e.id = waiting.id
                        returning e.journey
                        """)
                .param("customer", customerId)
                .param("message", messageId)
                .param("channel", channel == null ? null : channel.name())
                .param("payload", payload)
                .param("text", text)
                .param("now", Timestamp.from(now))
                .query(String.class)
                .optional();
    }
}
