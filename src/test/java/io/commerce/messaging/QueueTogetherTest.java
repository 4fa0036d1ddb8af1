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
            assertThat(rows()).isZero(); // still waiting: written together below
        }));

        assertThat(rows()).isEqualTo(3);
    }

    @Test
    void theOutboxReadInsideSeesTheMessagesQueuedBeforeIt() {
        transaction.executeWithoutResult(status -> messaging.queueTogether(() -> {
            var queued = send();

            assertThat(messaging.get(queued.messageId()).statusHistory())
                    .extracting(MessageView.StatusEntry::status)
                    .containsExactly(MessageStatus.QUEUED);
        }));

        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void workThatFailsWritesNothingAndLeavesLaterSendsWrittenAtOnce() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> messaging.queueTogether(() -> {
                    send();
                    throw new IllegalStateException("a step failed");
                })))
                .hasMessage("a step failed");
        assertThat(rows()).isZero();

        transaction.executeWithoutResult(status -> {
            send();
            assertThat(rows()).isEqualTo(1);
        });
    }

    @Test
    void itNeedsTheCallersTransaction() {
        assertThatThrownBy(() -> messaging.queueTogether(this::send))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(rows()).isZero();
    }

    private MessageView send() {
        return messaging.send(new SendCommand(
                customerId,
                Purpose.TRANSACTIONAL,
                Channel.WHATSAPP,
                new OutboundContent.Template("order_shipped", Map.of("orderId", "1001")),
                null));
    }

    /** The customer's messages, read past the outbox (in the caller's transaction when there is one). */
    private long rows() {
        return jdbc.sql("select count(*) from message where customer_id = ?")
                .param(customerId)
                .query(Long.class)
                .single();
    }
}
