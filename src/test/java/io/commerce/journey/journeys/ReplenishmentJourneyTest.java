package io.commerce.journey.journeys;

import static io.commerce.Api.json;
import static io.commerce.Api.uniqueId;
import static io.commerce.journey.journeys.LifecycleFixtures.awaitEnrollment;
import static io.commerce.journey.journeys.LifecycleFixtures.consent;
import static io.commerce.journey.journeys.LifecycleFixtures.customer;
import static io.commerce.journey.journeys.LifecycleFixtures.enrollment;
import static io.commerce.journey.journeys.LifecycleFixtures.enrollmentsOf;
import static io.commerce.journey.journeys.LifecycleFixtures.messages;
import static io.commerce.journey.journeys.LifecycleFixtures.order;
import static io.commerce.journey.journeys.LifecycleFixtures.product;
import static io.commerce.journey.journeys.LifecycleFixtures.uniquePhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.commerce.IntegrationTest;
import io.commerce.TestClock;
import io.commerce.journey.engine.JourneyRunner;
import io.commerce.order.OrderDelivered;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class ReplenishmentJourneyTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JourneyRunner runner;

    @Autowired
    ReplenishmentJourney journey;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    String customerId;
    String shampoo;
    String sneakers;
    String orderId;
    String trigger;
    Instant deliveredAt;

    @BeforeEach
    void aDeliveredOrderOfAProductThatRunsOutIn30Days() {
        customerId = uniqueId("c");
        shampoo = uniqueId("p");
        sneakers = uniqueId("p");
        customer(mvc, customerId, uniquePhone(), "en");
        consent(mvc, customerId, "whatsapp", "marketing", "granted");
        product(mvc, shampoo, 50, 30);
        product(mvc, sneakers, 50, null);
        orderId = uniqueId("o");
        order(mvc, orderId, customerId, clock.instant(), shampoo, sneakers);
        json(mvc, HttpMethod.POST, "/api/v1/orders/" + orderId + "/shipments", """
                {"carrier": "DHL", "trackingNumber": "JD1"}""")
                .assertThat()
                .hasStatus2xxSuccessful();
        clock.advance(Duration.ofDays(2));
        deliveredAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        json(mvc, HttpMethod.POST, "/api/v1/orders/" + orderId + "/delivery", """
                {"deliveredAt": "%s"}""".formatted(deliveredAt))
                .assertThat()
                .hasStatusOk();
        trigger = orderId + "/" + shampoo;
        awaitEnrollment(jdbc, ReplenishmentJourney.NAME, trigger);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void onlyTheProductThatRunsOutIsRemindedThreeDaysBeforeItDoes() {
        assertThat(enrollmentsOf(jdbc, ReplenishmentJourney.NAME, customerId))
                .extracting(row -> row.get("trigger_id"))
                .containsExactly(trigger);
        assertThat(((Timestamp) enrollment(jdbc, ReplenishmentJourney.NAME, trigger)
                                .get("next_run_at"))
                        .toInstant())
                .isCloseTo(deliveredAt.plus(Duration.ofDays(27)), within(1, ChronoUnit.SECONDS));

        clock.advance(Duration.ofDays(26));
        run();
        assertThat(messages(jdbc, customerId)).isEmpty();

        clock.advance(Duration.ofDays(1));
        run();

        assertThat(messages(jdbc, customerId)).singleElement().satisfies(message -> {
            assertThat(message.get("template_key")).isEqualTo("replenishment");
            assertThat(message.get("channel")).isEqualTo("WHATSAPP");
            assertThat(message.get("purpose")).isEqualTo("MARKETING");
            assertThat(message.get("category")).isEqualTo("MARKETING");
            assertThat(message.get("origin")).isEqualTo("replenishment/0");
            assertThat((String) message.get("sms_text"))
                    .contains("Sara", "Shampoo " + shampoo, "https://shop.example/p/" + shampoo);
        });
        var waiting = enrollment(jdbc, ReplenishmentJourney.NAME, trigger);
        assertThat(waiting.get("status")).isEqualTo("ACTIVE");
        assertThat(waiting.get("step")).isEqualTo(1);
    }

    @Test
    void aReorderBeforeTheReminderExitsWithoutMessage() {
        clock.advance(Duration.ofDays(10));
        order(mvc, uniqueId("o"), customerId, clock.instant(), shampoo);

        clock.advance(Duration.ofDays(17));
        run();

        assertThat(enrollment(jdbc, ReplenishmentJourney.NAME, trigger))
                .containsEntry("status", "EXITED")
                .containsEntry("exit_reason", "REORDERED");
        assertThat(messages(jdbc, customerId)).isEmpty();
    }

    @Test
    void aReorderOfAnotherProductDoesNotCount() {
        clock.advance(Duration.ofDays(10));
        order(mvc, uniqueId("o"), customerId, clock.instant(), sneakers);

        clock.advance(Duration.ofDays(17));
        run();

        assertThat(messages(jdbc, customerId)).hasSize(1);
    }

    @Test
    void aReorderWithinTheConversionWindowAfterTheReminderConverts() {
        clock.advance(Duration.ofDays(27));
        run();
        clock.advance(Duration.ofDays(2));
        order(mvc, uniqueId("o"), customerId, clock.instant(), shampoo);

        clock.advance(Duration.ofDays(12));
        run();

        assertThat(enrollment(jdbc, ReplenishmentJourney.NAME, trigger))
                .containsEntry("status", "CONVERTED")
                .containsEntry("exit_reason", "REORDERED");
        assertThat(messages(jdbc, customerId)).hasSize(1);
    }

    @Test
    void withoutAReorderTheJourneyCompletesAfterTheConversionWindow() {
        clock.advance(Duration.ofDays(27));
        run();

        clock.advance(Duration.ofDays(14));
        run();

        assertThat(enrollment(jdbc, ReplenishmentJourney.NAME, trigger))
                .containsEntry("status", "COMPLETED")
                .containsEntry("exit_reason", null);
    }

    @Test
    void aCancelledReorderDoesNotCount() {
        clock.advance(Duration.ofDays(10));
        var reorder = uniqueId("o");
        order(mvc, reorder, customerId, clock.instant(), shampoo);
        json(mvc, HttpMethod.POST, "/api/v1/orders/" + reorder + "/cancellation", "{}")
                .assertThat()
                .hasStatusOk();

        clock.advance(Duration.ofDays(17));
        run();

        assertThat(messages(jdbc, customerId)).hasSize(1);
    }

    @Test
    void withoutMarketingConsentTheReminderIsRefusedAndTheEnrollmentExits() {
        consent(mvc, customerId, "whatsapp", "marketing", "withdrawn");
        consent(mvc, customerId, "whatsapp", "transactional", "granted");

        clock.advance(Duration.ofDays(27));
        run();

        assertThat(enrollment(jdbc, ReplenishmentJourney.NAME, trigger))
                .containsEntry("status", "EXITED")
                .containsEntry("exit_reason", "CONSENT_REQUIRED");
        assertThat(messages(jdbc, customerId)).isEmpty();
    }

    @Test
    void aRepeatedDeliveryEventEnrollsOnce() {
        journey.on(new OrderDelivered(orderId, customerId, deliveredAt));

        assertThat(enrollmentsOf(jdbc, ReplenishmentJourney.NAME, customerId)).hasSize(1);
    }

    private void run() {
        LifecycleFixtures.run(jdbc, runner, ReplenishmentJourney.NAME, customerId);
    }
}
