package io.commerce.messaging.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.commerce.IntegrationTest;
import io.commerce.consent.ConsentService;
import io.commerce.customer.CustomerService;
import io.commerce.messaging.MessagingFixtures;
import io.commerce.messaging.MessagingService;
import io.commerce.messaging.OutboundContent;
import io.commerce.messaging.SendCommand;
import io.commerce.messaging.outbox.SendLifecycle;
import io.commerce.shared.Channel;
import io.commerce.shared.Purpose;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The order in which dispatchers take due messages: transactional before marketing, then oldest first. */
@IntegrationTest
class DispatchOrderTest {

    @Autowired
    MessagingService messaging;

    @Autowired
    SendLifecycle lifecycle;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    private String customerId;

    @BeforeEach
    void customerWithConsent(@Autowired CustomerService customers, @Autowired ConsentService consents) {
        MessagingFixtures.parkOtherTestsMessages(jdbc);
        customerId = MessagingFixtures.customerWithWhatsAppConsent(customers, consents, "UTC", Purpose.values());
    }

    @Test
    void anOrderUpdateIsTakenBeforeACampaignsOlderBacklog() {
        var now = Instant.now();
        var campaign1 = queue(Purpose.MARKETING, now.minus(Duration.ofHours(2)));
        var campaign2 = queue(Purpose.MARKETING, now.minus(Duration.ofHours(1)));
        var orderUpdate = queue(Purpose.TRANSACTIONAL, now.minusSeconds(1));
        var later = queue(Purpose.TRANSACTIONAL, now.plus(Duration.ofMinutes(5)));

        assertThat(claim(1, now)).containsExactly(orderUpdate);
        assertThat(claim(5, now)).containsExactly(campaign1, campaign2);
        assertThat(claim(5, now.plus(Duration.ofMinutes(5)))).containsExactly(later);
    }

    private String queue(Purpose purpose, Instant due) {
        var content = purpose == Purpose.MARKETING
                ? new OutboundContent.Template(
                        "new_product", Map.of("productName", "Runner X", "productUrl", "https://s.example/x"))
                : new OutboundContent.Template("order_shipped", Map.of("orderId", "1001"));
        var id = messaging
                .send(new SendCommand(customerId, purpose, Channel.WHATSAPP, content, null))
                .messageId();
        jdbc.sql("update message set next_attempt_at = ? where id = cast(? as uuid)")
                .param(Timestamp.from(due))
                .param(id)
                .update();
        return id;
    }

    private List<String> claim(int limit, Instant now) {
        return transaction.execute(status -> lifecycle.claimDue(Channel.WHATSAPP, limit, now)).stream()
                .map(row -> row.id().toString())
                .toList();
    }
}
