package io.commerce.journey.journeys;

import static io.commerce.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import io.commerce.IntegrationTest;
import io.commerce.TestClock;
import io.commerce.journey.engine.JourneyRunner;
import io.commerce.order.OrderPlaced;
import io.commerce.shared.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class OrderSummaryJourneyTest {

    private static final String JOURNEY = OrderSummaryJourney.NAME;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JourneyRunner runner;

    @Autowired
    OrderSummaryJourney journey;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    PurchaseFixtures fixtures;
    String customerId;
    String others;
    String category;
    String runnerX;
    String orderId;

    @BeforeEach
    void customerInNewYork() {
        fixtures = new PurchaseFixtures(mvc, jdbc);
        customerId = uniqueId("c");
        others = uniqueId("c");
        category = uniqueId("cat");
        runnerX = uniqueId("p");
        orderId = uniqueId("o");
        fixtures.customer(customerId, "America/New_York");
        fixtures.customer(others, "Europe/Madrid");
        fixtures.consent(customerId, "whatsapp", "transactional", "granted");
        fixtures.product(runnerX, "Runner X", category, 5);
        fixtures.parkOtherEnrollments();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aPlacedOrderGetsItsSummaryWithProductsBoughtTogetherFirstThenTheSameCategory() {
        var socks = product("Socks", uniqueId("cat"), 5);
        var cap = product("Cap", uniqueId("cat"), 5);
        var soldOut = product("Sold out", uniqueId("cat"), 0);
        var onlyCancelled = product("Cancelled", uniqueId("cat"), 5);
        var boughtBefore = product("Bought before", uniqueId("cat"), 5);
        var sameCategory = product("Trail Y", category, 5);
        othersOrder(runnerX, socks);
        othersOrder(runnerX, socks, soldOut);
        othersOrder(runnerX, cap, soldOut, boughtBefore);
        othersOrder(runnerX, soldOut);
        for (int i = 0; i < 3; i++) {
            var cancelled = othersOrder(runnerX, onlyCancelled);
            fixtures.cancel(cancelled);
        }
        fixtures.order(uniqueId("o"), customerId, clock.instant().minus(Duration.ofDays(30)), boughtBefore);
        var placedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);

        fixtures.order(orderId, customerId, null, placedAt, Map.of(runnerX, 2), runnerX);
        fixtures.awaitEnrollment(JOURNEY, orderId);
        runner.runOnce();

        var until = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(placedAt.plus(Duration.ofHours(1)).atZone(ZoneId.of("America/New_York")));
        assertThat(fixtures.messagesOf(JOURNEY, orderId)).singleElement().satisfies(message -> {
            assertThat(message.get("template_key")).isEqualTo("order_summary");
            assertThat(message.get("channel")).isEqualTo("WHATSAPP");
            assertThat(message.get("purpose")).isEqualTo("TRANSACTIONAL");
            assertThat(message.get("category")).isEqualTo("UTILITY");
            assertThat((String) message.get("sms_text"))
                    .contains(orderId, "Runner X × 2", "42.50 EUR", "until " + until)
                    .endsWith(
                            "Often bought with it: Socks (https://shop.example/p/%s), Cap (https://shop.example/p/%s),"
                                            .formatted(socks, cap)
                                    + " Trail Y (https://shop.example/p/%s)".formatted(sameCategory));
        });
        assertThat(fixtures.enrollment(JOURNEY, orderId)).containsEntry("status", "COMPLETED");
    }

    @Test
    void withoutCoPurchasesRelatedProductsComeFromTheSameCategoryInStock() {
        product("Sold out", category, 0);
        product("Elsewhere", uniqueId("cat"), 5);
        var older = product("Trail Y", category, 5);
        var newer = product("Trail Z", category, 5);

        fixtures.order(orderId, customerId, clock.instant(), runnerX);
        fixtures.awaitEnrollment(JOURNEY, orderId);
        runner.runOnce();

        assertThat(fixtures.messagesOf(JOURNEY, orderId))
                .singleElement()
                .satisfies(message -> assertThat((String) message.get("sms_text"))
                        .endsWith(
                                "Often bought with it: Trail Z (https://shop.example/p/%s), Trail Y (https://shop.example/p/%s)"
                                        .formatted(newer, older)));
    }

    @Test
    void withNothingRelatedThePlainSummaryGoes() {
        fixtures.order(orderId, customerId, clock.instant(), runnerX);
        fixtures.awaitEnrollment(JOURNEY, orderId);
        runner.runOnce();

        assertThat(fixtures.messagesOf(JOURNEY, orderId)).singleElement().satisfies(message -> {
            assertThat(message.get("template_key")).isEqualTo("order_summary_plain");
            assertThat(message.get("category")).isEqualTo("UTILITY");
            assertThat((String) message.get("sms_text"))
                    .contains("Runner X × 1")
                    .doesNotContain("Often bought");
        });
    }

    @Test
    void withoutWhatsAppTheSummaryGoesBySms() {
        fixtures.consent(customerId, "whatsapp", "transactional", "withdrawn");
        fixtures.consent(customerId, "sms", "transactional", "granted");

        fixtures.order(orderId, customerId, clock.instant(), runnerX);
        fixtures.awaitEnrollment(JOURNEY, orderId);
        runner.runOnce();

        assertThat(fixtures.messagesOf(JOURNEY, orderId))
                .singleElement()
                .satisfies(message -> assertThat(message.get("channel")).isEqualTo("SMS"));
    }

    @Test
    void aCancelledOrderGetsNoSummary() {
        fixtures.order(orderId, customerId, clock.instant(), runnerX);
        fixtures.awaitEnrollment(JOURNEY, orderId);
        fixtures.cancel(orderId);

        runner.runOnce();

        assertThat(fixtures.enrollment(JOURNEY, orderId))
                .containsEntry("status", "EXITED")
                .containsEntry("exit_reason", "ORDER_CANCELLED");
        assertThat(fixtures.messagesOf(JOURNEY, orderId)).isEmpty();
    }

    @Test
    void aRepeatedOrderPlacedEnrollsOnceAndSendsOnce() {
        fixtures.order(orderId, customerId, clock.instant(), runnerX);
        fixtures.awaitEnrollment(JOURNEY, orderId);

        AopTestUtils.<OrderSummaryJourney>getUltimateTargetObject(journey)
                .on(new OrderPlaced(
                        orderId, customerId, null, Money.of(BigDecimal.TEN, "EUR"), List.of(), clock.instant()));
        runner.runOnce();
        runner.runOnce();

        assertThat(fixtures.enrollments(JOURNEY, orderId)).isOne();
        assertThat(fixtures.messagesOf(JOURNEY, orderId)).hasSize(1);
    }

    private String product(String title, String productCategory, int inventory) {
        var productId = uniqueId("p");
        fixtures.product(productId, title, productCategory, inventory);
        return productId;
    }

    private String othersOrder(String... productIds) {
        var id = uniqueId("o");
        fixtures.order(id, others, clock.instant(), productIds);
        return id;
    }
}
