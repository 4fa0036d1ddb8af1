package io.commerce.journey.journeys;

import static io.commerce.Api.get;
import static io.commerce.Api.json;
import static io.commerce.Api.uniqueId;
import static io.commerce.journey.journeys.LifecycleFixtures.consent;
import static io.commerce.journey.journeys.LifecycleFixtures.customer;
import static io.commerce.journey.journeys.LifecycleFixtures.enrollmentsOf;
import static io.commerce.journey.journeys.LifecycleFixtures.messages;
import static io.commerce.journey.journeys.LifecycleFixtures.product;
import static io.commerce.journey.journeys.LifecycleFixtures.uniquePhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.commerce.IntegrationTest;
import io.commerce.TestClock;
import io.commerce.catalog.CatalogService;
import io.commerce.catalog.SubscriptionStatus;
import io.commerce.catalog.VariantRestocked;
import io.commerce.journey.engine.JourneyRunner;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class BackInStockJourneyTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JourneyRunner runner;

    @Autowired
    BackInStockJourney journey;

    @Autowired
    CatalogService catalog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    String customerId;
    String productId;
    long subscriptionId;

    @BeforeEach
    void subscriberToASoldOutVariant() {
        customerId = uniqueId("c");
        productId = uniqueId("p");
        customer(mvc, customerId, uniquePhone(), "en");
        product(mvc, productId, 0, null);
        subscriptionId = subscribe(customerId, "sms");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aRestockAlertsTheSubscriberBySmsAsATransactionalMessageAndMarksTheSubscription() {
        consent(mvc, customerId, "sms", "transactional", "granted");

        var trigger = restock(5);
        run();

        assertThat(messages(jdbc, customerId)).singleElement().satisfies(message -> {
            assertThat(message.get("template_key")).isEqualTo("back_in_stock");
            assertThat(message.get("channel")).isEqualTo("SMS");
            assertThat(message.get("purpose")).isEqualTo("TRANSACTIONAL");
            assertThat(message.get("category")).isEqualTo("UTILITY");
            assertThat(message.get("origin")).isEqualTo("back_in_stock/0");
            assertThat((String) message.get("sms_text"))
                    .contains("Sara", "Shampoo " + productId, "https://shop.example/p/" + productId);
        });
        assertThat(status(trigger)).isEqualTo("COMPLETED");
        assertThat(subscriptionStatus()).isEqualTo(SubscriptionStatus.NOTIFIED);
        get(mvc, "/api/v1/customers/" + customerId + "/back-in-stock-subscriptions")
                .assertThat()
                .bodyJson()
                .extractingPath("$[0].status")
                .isEqualTo("notified");
    }

    @Test
    void stockGoneAgainBeforeTheSendExitsAndTheNextRestockAlerts() {
        consent(mvc, customerId, "sms", "transactional", "granted");
        var first = restock(3);
        setInventory(0);

        run();

        assertThat(status(first)).isEqualTo("EXITED");
        assertThat(exitReason(first)).isEqualTo("STOCK_GONE");
        assertThat(messages(jdbc, customerId)).isEmpty();
        assertThat(subscriptionStatus()).isEqualTo(SubscriptionStatus.ACTIVE);

        clock.advance(Duration.ofDays(2));
        var second = restock(4);
        run();

        assertThat(status(second)).isEqualTo("COMPLETED");
        assertThat(messages(jdbc, customerId)).hasSize(1);
        assertThat(subscriptionStatus()).isEqualTo(SubscriptionStatus.NOTIFIED);
    }

    @Test
    void aNotifiedSubscriptionIsNotAlertedByTheNextRestock() {
        consent(mvc, customerId, "sms", "transactional", "granted");
        restock(5);
        run();
        var latecomer = uniqueId("c");
        customer(mvc, latecomer, uniquePhone(), "en");
        var latecomersSubscription = subscribe(latecomer, "sms");
        setInventory(0);

        clock.advance(Duration.ofDays(1));
        setInventory(7);
        // the latecomer's enrollment shows the second restock was handled
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        enrollmentsOf(jdbc, BackInStockJourney.NAME, latecomer).size() == 1);
        assertThat(enrollmentsOf(jdbc, BackInStockJourney.NAME, latecomer)
                        .getFirst()
                        .get("trigger_id"))
                .asString()
                .startsWith(latecomersSubscription + "/");

        assertThat(enrollmentsOf(jdbc, BackInStockJourney.NAME, customerId)).hasSize(1);
        assertThat(messages(jdbc, customerId)).hasSize(1);
    }

    @Test
    void twoRestocksWaitingForOneSubscriptionAlertOnce() {
        consent(mvc, customerId, "sms", "transactional", "granted");
        var first = restock(2);
        setInventory(0);
        clock.advance(Duration.ofMinutes(5));
        var second = restock(2);

        run();

        assertThat(enrollmentsOf(jdbc, BackInStockJourney.NAME, customerId))
                .extracting(row -> row.get("status") + "/" + row.get("exit_reason"))
                .containsExactlyInAnyOrder("COMPLETED/null", "EXITED/ALREADY_NOTIFIED");
        assertThat(status(first)).isNotEqualTo(status(second));
        assertThat(messages(jdbc, customerId)).hasSize(1);
    }

    @Test
    void aRepeatedRestockEventEnrollsOnce() {
        var trigger = restock(5);
        var restockedAt = Instant.parse(trigger.substring(trigger.indexOf('/') + 1));

        journey.on(new VariantRestocked(productId, "v-1", 5, restockedAt));

        assertThat(enrollmentsOf(jdbc, BackInStockJourney.NAME, customerId)).hasSize(1);
    }

    @Test
    void withoutSmsConsentTheAlertFallsBackToWhatsApp() {
        consent(mvc, customerId, "whatsapp", "transactional", "granted");

        restock(5);
        run();

        assertThat(messages(jdbc, customerId)).singleElement().satisfies(message -> {
            assertThat(message.get("template_key")).isEqualTo("back_in_stock");
            assertThat(message.get("channel")).isEqualTo("WHATSAPP");
            assertThat(message.get("purpose")).isEqualTo("TRANSACTIONAL");
        });
    }

    @Test
    void marketingConsentIsNotEnoughTheEnrollmentExitsAndTheSubscriptionStaysActive() {
        consent(mvc, customerId, "sms", "marketing", "granted");

        var trigger = restock(5);
        run();

        assertThat(status(trigger)).isEqualTo("EXITED");
        assertThat(exitReason(trigger)).isEqualTo("CONSENT_REQUIRED");
        assertThat(messages(jdbc, customerId)).isEmpty();
        assertThat(subscriptionStatus()).isEqualTo(SubscriptionStatus.ACTIVE);
    }

    private long subscribe(String customer, String channel) {
        json(mvc, HttpMethod.POST, "/api/v1/customers/" + customer + "/back-in-stock-subscriptions", """
                {"productId": "%s", "variantId": "v-1", "channel": "%s"}""".formatted(
                                productId, channel))
                .assertThat()
                .hasStatus2xxSuccessful();
        return catalog.subscriptions(customer).getLast().subscriptionId();
    }

    /** Restocks the variant and waits for the subscription's new enrollment; returns its trigger. */
    private String restock(int quantity) {
        var before = enrollmentsOf(jdbc, BackInStockJourney.NAME, customerId).size();
        setInventory(quantity);
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        enrollmentsOf(jdbc, BackInStockJourney.NAME, customerId).size() == before + 1);
        var trigger = (String) enrollmentsOf(jdbc, BackInStockJourney.NAME, customerId)
                .getLast()
                .get("trigger_id");
        assertThat(trigger).startsWith(subscriptionId + "/");
        return trigger;
    }

    private void setInventory(int quantity) {
        json(mvc, HttpMethod.PUT, "/api/v1/products/%s/variants/v-1/inventory".formatted(productId), """
                {"quantity": %d}""".formatted(
                                quantity))
                .assertThat()
                .hasStatusOk();
    }

    private void run() {
        LifecycleFixtures.run(jdbc, runner, BackInStockJourney.NAME, customerId);
    }

    private SubscriptionStatus subscriptionStatus() {
        return catalog.subscriptions(customerId).stream()
                .filter(subscription -> subscription.subscriptionId() == subscriptionId)
                .findFirst()
                .orElseThrow()
                .status();
    }

    private String status(String trigger) {
        return (String) LifecycleFixtures.enrollment(jdbc, BackInStockJourney.NAME, trigger)
                .get("status");
    }

    private String exitReason(String trigger) {
        return (String) LifecycleFixtures.enrollment(jdbc, BackInStockJourney.NAME, trigger)
                .get("exit_reason");
    }
}
