package io.commerce.journey.journeys;

import static io.commerce.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import io.commerce.IntegrationTest;
import io.commerce.TestClock;
import io.commerce.journey.engine.JourneyRunner;
import io.commerce.order.OrderDelivered;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class RecommendationsJourneyTest {

    private static final String JOURNEY = RecommendationsJourney.NAME;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JourneyRunner runner;

    @Autowired
    RecommendationsJourney journey;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    PurchaseFixtures fixtures;
    String customerId;
    String others;
    String runnerX;
    String orderId;

    @BeforeEach
    void customerWhoAllowsMarketing() {
        fixtures = new PurchaseFixtures(mvc, jdbc);
        customerId = uniqueId("c");
        others = uniqueId("c");
        runnerX = uniqueId("p");
        orderId = uniqueId("o");
        fixtures.customer(customerId, "Europe/Madrid");
        fixtures.customer(others, "Europe/Madrid");
        fixtures.consent(customerId, "whatsapp", "marketing", "granted");
        fixtures.product(runnerX, "Runner X", uniqueId("cat"), 5);
        fixtures.parkOtherEnrollments();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void fiveDaysAfterDeliveryTheCustomerHearsOfWhatOthersBoughtWithIt() {
        var socks = product("Socks");
        var cap = product("Cap");
        var alreadyOwned = product("Already owned");
        othersOrder(runnerX, socks, alreadyOwned);
        othersOrder(runnerX, socks, alreadyOwned);
        othersOrder(runnerX, cap, alreadyOwned);
        fixtures.order(uniqueId("o"), customerId, clock.instant().minus(Duration.ofDays(90)), alreadyOwned);

        deliveredOrder();
        clock.advance(Duration.ofDays(5).minusMinutes(1));
        runner.runOnce();
        assertThat(fixtures.messagesOf(JOURNEY, orderId)).isEmpty();

        clock.advance(Duration.ofMinutes(2));
        runner.runOnce();

        assertThat(fixtures.messagesOf(JOURNEY, orderId)).singleElement().satisfies(message -> {
            assertThat(message.get("template_key")).isEqualTo("recommendation");
            assertThat(message.get("purpose")).isEqualTo("MARKETING");
            assertThat(message.get("category")).isEqualTo("MARKETING");
            assertThat(message.get("origin")).isEqualTo("recommendations/0");
            assertThat((String) message.get("sms_text"))
                    .contains("Socks, Cap: https://shop.example/p/" + socks)
                    .doesNotContain("Already owned");
        });
        assertThat(fixtures.enrollment(JOURNEY, orderId)).containsEntry("status", "COMPLETED");
    }

    @Test
    void withNothingBoughtTogetherItEndsWithoutAMessage() {
        product("Same shelf, never bought together");

        deliveredOrder();
        clock.advance(Duration.ofDays(5).plusMinutes(1));
        runner.runOnce();

        assertThat(fixtures.enrollment(JOURNEY, orderId))
                .containsEntry("status", "EXITED")
                .containsEntry("exit_reason", "NO_RECOMMENDATIONS");
        assertThat(fixtures.messagesOf(JOURNEY, orderId)).isEmpty();
    }

    @Test
    void withoutMarketingConsentItEndsWithTheRefusal() {
        othersOrder(runnerX, product("Socks"));
        fixtures.consent(customerId, "whatsapp", "marketing", "withdrawn");

        deliveredOrder();
        clock.advance(Duration.ofDays(5).plusMinutes(1));
        runner.runOnce();

        assertThat(fixtures.enrollment(JOURNEY, orderId)).containsEntry("exit_reason", "CONSENT_REQUIRED");
        assertThat(fixtures.messagesOf(JOURNEY, orderId)).isEmpty();
    }

    @Test
    void aRepeatedDeliveryEventEnrollsOnce() {
        deliveredOrder();

        AopTestUtils.<RecommendationsJourney>getUltimateTargetObject(journey)
                .on(new OrderDelivered(orderId, customerId, clock.instant()));

        assertThat(fixtures.enrollments(JOURNEY, orderId)).isOne();
    }

    private void deliveredOrder() {
        fixtures.order(orderId, customerId, clock.instant(), runnerX);
        fixtures.shipAndDeliver(orderId, clock.instant());
        fixtures.awaitEnrollment(JOURNEY, orderId);
    }

    private String product(String title) {
        var productId = uniqueId("p");
        fixtures.product(productId, title, uniqueId("cat"), 5);
        return productId;
    }

    private void othersOrder(String... productIds) {
        fixtures.order(uniqueId("o"), others, clock.instant(), productIds);
    }
}
