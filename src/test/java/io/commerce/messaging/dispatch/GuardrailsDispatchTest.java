package io.commerce.messaging.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.commerce.consent.ConsentService;
import io.commerce.customer.CustomerService;
import io.commerce.messaging.MessageStatus;
import io.commerce.messaging.MessagingFixtures;
import io.commerce.messaging.MessagingService;
import io.commerce.messaging.OutboundContent;
import io.commerce.messaging.SendCommand;
import io.commerce.messaging.guardrails.ServiceWindow;
import io.commerce.messaging.outbox.MessageReads;
import io.commerce.shared.Channel;
import io.commerce.shared.Purpose;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Guardrails in the dispatcher: marketing held (never dropped) by quiet hours in the customer's zone and by
 * the frequency cap, the reason visible on the message; transactional messages go through. Quiet hours are
 * set around "now" in UTC, so the test does not depend on the time of day.
 */
@SpringBootTest
@ActiveProfiles("test")
class GuardrailsDispatchTest {

    private static final Instant STARTED = Instant.now();

    @DynamicPropertySource
    static void guardrailsOn(DynamicPropertyRegistry registry) {
        var time = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
        registry.add("commerce.messaging.guardrails.enabled", () -> "true");
        registry.add(
                "commerce.messaging.guardrails.quiet-hours-start",
                () -> time.format(STARTED.minus(Duration.ofHours(1))));
        registry.add(
                "commerce.messaging.guardrails.quiet-hours-end", () -> time.format(STARTED.plus(Duration.ofHours(2))));
        registry.add("commerce.messaging.guardrails.minimum-gap", () -> "PT1S");
    }

    @Autowired
    Dispatcher dispatcher;

    @Autowired
    MessagingService messaging;

    @Autowired
    CustomerService customers;

    @Autowired
    ConsentService consents;

    @Autowired
    MessageReads reads;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void parkOtherTestsMessages() {
        MessagingFixtures.parkOtherTestsMessages(jdbc);
    }

    @Test
    void marketingDuringQuietHoursWaitsUntilTheyEndAndSaysWhy() {
        var customer = customerIn("UTC");
        var id = queue(customer, Purpose.MARKETING);

        dispatcher.dispatchOnce(Channel.WHATSAPP);

        var view = messaging.get(id.toString());
        assertThat(view.status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(view.heldReason()).isEqualTo("QUIET_HOURS");
        assertThat(view.attempts()).isZero();
        assertThat(view.nextAttemptAt())
                .isBetween(STARTED.plus(Duration.ofMinutes(119)), STARTED.plus(Duration.ofMinutes(121)));
    }

    @Test
    void marketingThatAnswersACustomerWhoJustWroteIsNotHeldByQuietHours(@Autowired ServiceWindow window) {
        var customer = customerIn("UTC");
        var phone = customers.get(customer).phone();
        window.opened(List.of(new ServiceWindow.Heard(
                Channel.WHATSAPP, phone, Instant.now().minusSeconds(30)))); // Ana tapped "5" just now
        var id = queue(customer, Purpose.MARKETING);

        dispatcher.dispatchOnce(Channel.WHATSAPP);

        var row = reads.find(id).orElseThrow();
        assertThat(row.heldReason()).isNull();
        assertThat(row.attempts()).isEqualTo(1); // it went to the channel (the sandbox is not listening here)
    }

    @Test
    void theFrequencyCapHoldsTheThirdMarketingMessageOfTheWeek() {
        var customer = customerIn("Etc/GMT-12"); // twelve hours ahead of UTC: far from the quiet hours
        var oldest = Instant.now().minus(Duration.ofDays(3));
        sentMarketing(customer, oldest);
        sentMarketing(customer, Instant.now().minus(Duration.ofDays(1)));
        var id = queue(customer, Purpose.MARKETING);

        dispatcher.dispatchOnce(Channel.WHATSAPP);

        var view = messaging.get(id.toString());
        assertThat(view.heldReason()).isEqualTo("FREQUENCY_CAP");
        assertThat(view.nextAttemptAt()).isCloseTo(oldest.plus(Duration.ofDays(7)), within());
    }

    @Test
    void aSecondMarketingMessageToOneCustomerInTheSameBatchWaitsForTheLeastGap() {
        var customer = customerIn("Etc/GMT-12");
        var first = queue(customer, Purpose.MARKETING);
        var second = queue(customer, Purpose.MARKETING);
        MessagingFixtures.parkOtherTestsMessages(
                jdbc, first, second); // anything queued since by other tests' listeners

        var before = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        dispatcher.dispatchOnce(Channel.WHATSAPP);
        var after = Instant.now().plusMillis(1);

        var went = messaging.get(first.toString());
        assertThat(reads.find(first).orElseThrow().attempts())
                .as(
                        "the first went (status %s, held %s until %s)",
                        went.status(), went.heldReason(), went.nextAttemptAt())
                .isEqualTo(1);
        var held = messaging.get(second.toString());
        assertThat(held.status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(held.heldReason()).isEqualTo("MINIMUM_GAP"); // not only the pair gap: the batch counts its own
        // a second after the batch let the first go, however long the batch took on a busy machine
        assertThat(held.nextAttemptAt()).isBetween(before.plusSeconds(1), after.plusSeconds(1));
    }

    @Test
    void theFrequencyCapCountsWhatTheSameBatchLetsGo() {
        var customer = customerIn("Etc/GMT-12");
        var oldest = Instant.now().minus(Duration.ofDays(2));
        sentMarketing(customer, oldest);
        var first = queue(customer, Purpose.MARKETING);
        var second = queue(customer, Purpose.MARKETING);

        dispatcher.dispatchOnce(Channel.WHATSAPP);

        assertThat(reads.find(first).orElseThrow().attempts()).isEqualTo(1);
        var held = messaging.get(second.toString());
        assertThat(held.heldReason()).isEqualTo("FREQUENCY_CAP");
        assertThat(held.nextAttemptAt()).isCloseTo(oldest.plus(Duration.ofDays(7)), within());
    }

    @Test
    void transactionalMessagesAreNotHeld() {
        var customer = customerIn("UTC");
        var id = queue(customer, Purpose.TRANSACTIONAL);

        dispatcher.dispatchOnce(Channel.WHATSAPP);

        var row = reads.find(id).orElseThrow();
        assertThat(row.heldReason()).isNull();
        assertThat(row.attempts()).isEqualTo(1); // it went to the channel (the sandbox is not listening here)
    }

    private String customerIn(String zone) {
        return MessagingFixtures.customerWithWhatsAppConsent(customers, consents, zone, Purpose.values());
    }

    private UUID queue(String customerId, Purpose purpose) {
        var content = purpose == Purpose.MARKETING
                ? new OutboundContent.Template(
                        "new_product", Map.of("productName", "Runner X", "productUrl", "https://s.example/x"))
                : new OutboundContent.Template("order_shipped", Map.of("orderId", "1001"));
        return UUID.fromString(messaging
                .send(new SendCommand(customerId, purpose, Channel.WHATSAPP, content, null))
                .messageId());
    }

    /** A marketing message the customer was sent at {@code at}. */
    private void sentMarketing(String customerId, Instant at) {
        var id = queue(customerId, Purpose.MARKETING);
        jdbc.sql("update message set status = 'SENT', next_attempt_at = 'infinity' where id = ?")
                .param(id)
                .update();
        jdbc.sql("insert into message_status_change (message_id, status, at) values (?, 'SENT', ?)")
                .param(id)
                .param(Timestamp.from(at))
                .update();
    }

    private static org.assertj.core.data.TemporalUnitOffset within() {
        return org.assertj.core.api.Assertions.within(2, java.time.temporal.ChronoUnit.SECONDS);
    }
}
