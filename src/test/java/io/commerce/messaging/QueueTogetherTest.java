package io.commerce.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commerce.IntegrationTest;
import io.commerce.consent.ConsentService;
import io.commerce.customer.CustomerService;
import io.commerce.shared.Channel;
import io.commerce.shared.Purpose;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link MessagingService#queueTogether}: messages written in one batch when the work returns, none lost. */
@IntegrationTest
class QueueTogetherTest {

    @Autowired
    MessagingService messaging;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    private String customerId;

    @BeforeEach
    void customerWithConsent(@Autowired CustomerService customers, @Autowired ConsentService consents) {
        customerId = MessagingFixtures.customerWithWhatsAppConsent(customers, consents, "UTC", Purpose.TRANSACTIONAL);
    }

    @Test
    void messagesQueuedTogetherAreWrittenWhenTheWorkReturns() {
        transaction.executeWithoutResult(status -> messaging.queueTogether(() -> {
            send();
            send();
            send();
            assertThat(rows("message")).isZero(); // still waiting: written together below
        }));

        assertThat(rows("message")).isEqualTo(3);
        assertThat(rows("message_status_change")).isEqualTo(3);
    }

    @Test
    void theOutboxReadInsideSeesTheMessagesQueuedBeforeIt() {
        transaction.executeWithoutResult(status -> messaging.queueTogether(() -> {
            var queued = send();

            assertThat(messaging.get(queued.messageId()).statusHistory())
                    .extracting(MessageView.StatusEntry::status)
                    .containsExactly(MessageStatus.QUEUED);
        }));

        assertThat(rows("message")).isEqualTo(1);
    }

    @Test
    void workThatFailsWritesNothingAndLeavesLaterSendsWrittenAtOnce() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> messaging.queueTogether(() -> {
                    send();
                    throw new IllegalStateException("a step failed");
                })))
                .hasMessage("a step failed");
        assertThat(rows("message")).isZero();

        transaction.executeWithoutResult(status -> {
            send();
            assertThat(rows("message")).isEqualTo(1);
        });
    }

    @Test
    void itNeedsTheCallersTransaction() {
        assertThatThrownBy(() -> messaging.queueTogether(this::send))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(rows("message")).isZero();
    }

    private MessageView send() {
        return messaging.send(new SendCommand(
                customerId,
                Purpose.TRANSACTIONAL,
                Channel.WHATSAPP,
                new OutboundContent.Template("order_shipped", Map.of("orderId", "1001")),
                null));
    }

    /** The customer's rows in a table, read past the outbox (in the caller's transaction when there is one). */
    private long rows(String table) {
        var sql = table.equals("message")
                ? "select count(*) from message where customer_id = ?"
                : "select count(*) from message_status_change c join message m on m.id = c.message_id"
                        + " where m.customer_id = ?";
        return jdbc.sql(sql).param(customerId).query(Long.class).single();
    }
}
