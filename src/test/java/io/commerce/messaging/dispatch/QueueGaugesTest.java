package io.commerce.messaging.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.commerce.consent.ConsentService;
import io.commerce.customer.CustomerService;
import io.commerce.messaging.MessagingFixtures;
import io.commerce.messaging.MessagingService;
import io.commerce.messaging.OutboundContent;
import io.commerce.messaging.SendCommand;
import io.commerce.shared.Channel;
import io.commerce.shared.Purpose;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** The queue's gauges: how many messages wait, and how long the longest-due one has been due, across the queue. */
@SpringBootTest
@ActiveProfiles("test")
class QueueGaugesTest {

    @Autowired
    MessagingMetrics metrics;

    @Autowired
    MeterRegistry registry;

    @Autowired
    MessagingService messaging;

    @Autowired
    CustomerService customers;

    @Autowired
    ConsentService consents;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void parkOtherTestsMessages() {
        MessagingFixtures.parkOtherTestsMessages(jdbc);
    }

    @Test
    void theOldestDueAgeIsTheLongestDueMessageWhateverItsChannelAndPurpose() {
        var now = Instant.now();
        due(Channel.WHATSAPP, Purpose.TRANSACTIONAL, now.minusSeconds(30));
        due(Channel.SMS, Purpose.MARKETING, now.minusSeconds(600)); // the longest due, in the index's last part
        due(Channel.WHATSAPP, Purpose.MARKETING, now.minusSeconds(120));
        due(Channel.SMS, Purpose.TRANSACTIONAL, now.plusSeconds(3_600)); // not due yet: not counted

        metrics.refreshQueueGauges();

        assertThat(registry.get("messaging.queue.oldest.due.age").gauge().value())
                .isBetween(600.0, 660.0);
        assertThat(registry.get("messaging.queue.depth").gauge().value()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void nothingDueIsAnAgeOfZero() {
        due(Channel.WHATSAPP, Purpose.MARKETING, Instant.now().plus(Duration.ofHours(1)));

        metrics.refreshQueueGauges();

        assertThat(registry.get("messaging.queue.oldest.due.age").gauge().value())
                .isZero();
    }

    /** A queued message of this channel and purpose, due at {@code at}. */
    private void due(Channel channel, Purpose purpose, Instant at) {
        var customer = MessagingFixtures.customerWithWhatsAppConsent(customers, consents, "UTC", Purpose.values());
        var id = messaging
                .send(new SendCommand(
                        customer,
                        Purpose.TRANSACTIONAL,
                        Channel.WHATSAPP,
                        new OutboundContent.Template("order_shipped", Map.of("orderId", "1001")),
                        null))
                .messageId();
        jdbc.sql("update message set channel = ?, purpose = ?, next_attempt_at = ? where id = cast(? as uuid)")
                .param(channel.name())
                .param(purpose.name())
                .param(Timestamp.from(at))
                .param(id)
                .update();
    }
}
