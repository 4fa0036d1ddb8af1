package io.commerce.loyalty;

import static io.commerce.Api.get;
import static io.commerce.Api.json;
import static io.commerce.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.commerce.Api;
import io.commerce.IntegrationTest;
import io.commerce.TestClock;
import io.commerce.messaging.MessagingFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The points ledger on real PostgreSQL, through the API and the real order events: accrual and the pending
 * period, returns and cancellations, spends from the lots lapsing first and expiry of the rest, tiers up and
 * down with their multiplier, racing redemptions, bonuses, the bad input the contract names, and the GDPR
 * export and erasure.
 */
@IntegrationTest
class LoyaltyLedgerTest {

    private static final Instant T = Instant.parse("2031-03-02T10:00:00Z");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    TestClock clock;

    @Autowired
    LoyaltyService loyalty;

    @Autowired
    Lapses lapses;

    private String customerId;
    private String productId;

    @BeforeEach
    void programmeAndCustomer() {
        program("""
                {"currency": "EUR", "pointsPerCurrencyUnit": 1, "pendingPeriod": "P14D", "expireAfter": "P12M"}""");
        customerId = uniqueId("loyal");
        productId = uniqueId("p");
        json(mvc, HttpMethod.PUT, "/api/v1/customers/" + customerId, Api.customer(MessagingFixtures.uniquePhone()))
                .assertThat()
                .hasStatus2xxSuccessful();
        json(mvc, HttpMethod.PUT, "/api/v1/products/" + productId, Api.product(50, "89.95"))
                .assertThat()
                .hasStatus2xxSuccessful();
        clock.moveTo(T);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aDeliveredOrderEarnsPointsPendingUntilTheReturnPeriodEnds() {
        deliveredOrder("89.95", T);

        clock.moveTo(T.plus(Duration.ofDays(1)));
        var pending = standing();
        assertThat(pending.path("points").asInt()).isZero();
        assertThat(pending.path("pendingPoints").asInt()).isEqualTo(89);
        assertThat(pending.path("tier").asString()).isEqualTo("member");
        assertThat(pending.path("spend12Months").decimalValue()).isEqualByComparingTo("89.95");

        clock.moveTo(T.plus(Duration.ofDays(14)));
        var available = standing();
        assertThat(available.path("points").asInt()).isEqualTo(89);
        assertThat(available.path("pendingPoints").asInt()).isZero();
        assertThat(available.path("lifetimePoints").asInt()).isEqualTo(89);
        assertThat(available.path("expiring").path(0).path("expiresAt").asString())
                .isEqualTo("2032-03-16T10:00:00Z"); // 14 days pending, then 12 months
    }

    @Test
    void aReturnTakesBackWhatItsAmountEarnedAndACancelledOrderEarnsNothing() {
        var cancelled = order("120.00");
        json(mvc, HttpMethod.POST, "/api/v1/orders/" + cancelled + "/cancellation", "{}")
                .assertThat()
                .hasStatusOk();
        json(mvc, HttpMethod.POST, "/api/v1/orders/" + cancelled + "/returns", """
                {"lines": [], "amount": 10}""")
                .assertThat()
                .hasStatus(HttpStatus.CONFLICT);
        var delivered = deliveredOrder("89.95", T);

        json(mvc, HttpMethod.POST, "/api/v1/orders/" + delivered + "/returns", """
                {"lines": [{"variantId": "v-42", "quantity": 1}], "amount": 45.00}""")
                .assertThat()
                .hasStatus(HttpStatus.CREATED);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(standing().path("pendingPoints").asInt())
                        .isEqualTo(44)); // 89 less 45/89.95 of 89 (45)
        assertThat(standing().path("spend12Months").decimalValue()).isEqualByComparingTo("44.95");
        assertThat(entries())
                .extracting(entry -> entry.path("kind").asString())
                .containsExactly("return", "order"); // the cancelled order earned nothing

        json(mvc, HttpMethod.POST, "/api/v1/orders/" + delivered + "/returns", """
                {"lines": [{"variantId": "v-42", "quantity": 1}], "amount": 1}""")
                .assertThat()
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("RETURN_EXCEEDS_ORDER");
        json(mvc, HttpMethod.POST, "/api/v1/orders/" + delivered + "/returns", """
                {"lines": [], "amount": 44.96}""")
                .assertThat()
                .hasStatus(HttpStatus.CONFLICT);
    }

    @Test
    void spendsTakeFromTheLotsLapsingFirstAndOnlyWhatIsLeftOfALotLapses() {
        adjust(100, "welcome"); // lapses T + 12 months
        clock.moveTo(T.plus(Duration.ofDays(180)));
        adjust(100, "apology"); // lapses T + 18 months
        clock.moveTo(T.plus(Duration.ofDays(200)));
        adjust(-30, "correction"); // from the first lot: 70 left of it

        var expiring = standing().path("expiring");
        assertThat(expiring.path(0).path("points").asInt()).isEqualTo(70);
        assertThat(expiring.path(1).path("points").asInt()).isEqualTo(100);

        var lapseAt = Instant.parse("2032-03-02T10:00:00Z");
        clock.moveTo(lapseAt.plusSeconds(60));
        lapses.lapse(lapseAt.minusSeconds(60), lapseAt.plusSeconds(60));
        lapses.lapse(lapseAt.minusSeconds(60), lapseAt.plusSeconds(60)); // again: nothing more

        var after = standing();
        assertThat(after.path("points").asInt()).isEqualTo(100);
        assertThat(after.path("expiring").size()).isEqualTo(1);
        assertThat(entries().getFirst().path("kind").asString()).isEqualTo("expiry");
        assertThat(entries().getFirst().path("points").asInt()).isEqualTo(-70);
        assertThat(entries()).hasSize(4);
    }

    @Test
    void tiersFollowTheRolling12MonthSpendUpAndDownAndMultiplyThePoints() {
        deliveredOrder("350.00", T);
        var silver = standing();
        assertThat(silver.path("tier").asString()).isEqualTo("silver");
        assertThat(silver.path("nextTier").asString()).isEqualTo("gold");
        assertThat(silver.path("spendToNextTier").decimalValue()).isEqualByComparingTo("650.00");

        clock.moveTo(T.plus(Duration.ofDays(60)));
        deliveredOrder("100.00", T.plus(Duration.ofDays(60)));
        assertThat(entries().getFirst().path("points").asInt()).isEqualTo(125); // 100 × silver's 1.25

        clock.moveTo(T.plus(Duration.ofDays(370))); // the first order is out of the 12 months
        var member = standing();
        assertThat(member.path("tier").asString()).isEqualTo("member");
        assertThat(member.path("spend12Months").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(member.path("nextTier").asString()).isEqualTo("silver");
    }

    @Test
    void aBackfillCreditsPastOrdersAtTheTierOfTheirTimeOnceAndLapsesWhatHasLapsed() {
        program("""
                {"currency": "USD", "pendingPeriod": "P14D", "expireAfter": "P12M"}"""); // EUR orders earn nothing
        var old = deliveredOrderUncredited("500.00", T.minus(Duration.ofDays(500))); // lapsed by now
        var first = deliveredOrderUncredited("350.00", T.minus(Duration.ofDays(90)));
        var second = deliveredOrderUncredited("100.00", T.minus(Duration.ofDays(30)));
        program("""
                {"currency": "EUR", "pendingPeriod": "P14D", "expireAfter": "P12M"}""");

        var result =
                json(mvc, HttpMethod.POST, "/api/v1/loyalty/backfill", """
                {"deliveredSince": "%s"}""".formatted(T.minus(Duration.ofDays(600))));
        assertThat(result).hasStatusOk().bodyJson().extractingPath("$.orders").isEqualTo(3);

        assertThat(entries())
                .extracting(e ->
                        e.path("kind").asString() + " " + e.path("reference").asString() + " "
                                + e.path("points").asInt())
                .containsExactly(
                        "expiry "
                                + entries().stream()
                                        .filter(e ->
                                                old.equals(e.path("reference").asString()))
                                        .findFirst()
                                        .orElseThrow()
                                        .path("entryId")
                                        .asLong()
                                + " -500",
                        "order " + second + " 125", // silver (350 in the 12 months before): × 1.25
                        "order " + first + " 350",
                        "order " + old + " 500");
        assertThat(standing().path("points").asInt()).isEqualTo(475);
        assertThat(json(mvc, HttpMethod.POST, "/api/v1/loyalty/backfill", """
                        {"deliveredSince": "%s"}""".formatted(T.minus(Duration.ofDays(600)))))
                .bodyJson()
                .extractingPath("$.orders")
                .isEqualTo(0);
    }

    @Test
    void eightRacingRedemptionsAgainstABalanceForOneGiveExactlyOneCode() throws Exception {
        adjust(100, "enough for one");
        var start = new CountDownLatch(1);
        var attempts = new ArrayList<Callable<String>>();
        for (var i = 0; i < 8; i++) {
            attempts.add(() -> {
                start.await();
                try {
                    return loyalty.redeem(customerId, "five-off").code();
                } catch (InsufficientPointsException refused) {
                    return refused.code();
                }
            });
        }
        var results = new ArrayList<String>();
        try (var pool = Executors.newFixedThreadPool(8)) {
            var futures = attempts.stream().map(pool::submit).toList();
            start.countDown();
            for (var future : futures) {
                results.add(future.get());
            }
        }

        assertThat(results).filteredOn("INSUFFICIENT_POINTS"::equals).hasSize(7);
        var code = results.stream()
                .filter(r -> !r.equals("INSUFFICIENT_POINTS"))
                .findFirst()
                .orElseThrow();
        assertThat(get(mvc, "/api/v1/discount-codes/" + code)).hasStatusOk();
        assertThat(standing().path("points").asInt()).isZero();
        assertThat(entries())
                .filteredOn(e -> e.path("kind").asString().equals("redemption"))
                .hasSize(1);
    }

    @Test
    void aRedemptionThroughTheApiAnswersItsCodeAndBadRequestsAreClear4xx() {
        adjust(150, "gift");
        var redeemed = json(mvc, HttpMethod.POST, "/api/v1/customers/" + customerId + "/loyalty/redemptions", """
                {"rewardId": "five-off"}""");
        redeemed.assertThat()
                .hasStatus(HttpStatus.CREATED)
                .bodyJson()
                .extractingPath("$.points")
                .isEqualTo(100);
        assertThat(redeemed).bodyJson().extractingPath("$.code").asString().isNotBlank();

        problem(
                HttpMethod.POST,
                "/loyalty/redemptions",
                "{\"rewardId\": \"five-off\"}",
                HttpStatus.CONFLICT,
                "INSUFFICIENT_POINTS");
        problem(
                HttpMethod.POST,
                "/loyalty/redemptions",
                "{\"rewardId\": \"yacht\"}",
                HttpStatus.NOT_FOUND,
                "REWARD_NOT_FOUND");
        problem(
                HttpMethod.POST,
                "/loyalty/adjustments",
                "{\"points\": -51, \"reason\": \"x\"}",
                HttpStatus.CONFLICT,
                "INSUFFICIENT_POINTS");
        problem(
                HttpMethod.POST,
                "/loyalty/adjustments",
                "{\"points\": 0, \"reason\": \"x\"}",
                HttpStatus.BAD_REQUEST,
                "VALIDATION_FAILED");
        assertThat(get(mvc, "/api/v1/customers/nobody-here/loyalty")).hasStatus(HttpStatus.NOT_FOUND);

        for (var bad : new String[] {
            "{\"tiers\": [{\"tier\": \"a\", \"minSpend12Months\": 100}, {\"tier\": \"b\", \"minSpend12Months\": 100}]}",
            "{\"tiers\": [{\"tier\": \"a\"}, {\"tier\": \"a\", \"minSpend12Months\": 5}]}",
            "{\"pointsPerCurrencyUnit\": -1}",
            "{\"pendingPeriod\": \"P-3D\"}",
            "{\"tiers\": [{\"tier\": \"a\", \"multiplier\": -2}]}",
            "{\"rewards\": [{\"rewardId\": \"x\", \"name\": \"X\", \"points\": -5, \"kind\": \"percent\", \"value\": 5}]}"
        }) {
            assertThat(json(mvc, HttpMethod.PUT, "/api/v1/loyalty/program", bad))
                    .as(bad)
                    .hasStatus(HttpStatus.BAD_REQUEST);
        }
    }

    @Test
    void aReviewIsRewardedOnceAndAReferralRewardsBothWithTheFirstOrder() {
        var review = "/api/v1/customers/" + customerId + "/loyalty/reviews";
        assertThat(json(mvc, HttpMethod.POST, review, "{\"reviewId\": \"r1\", \"productId\": \"p1\"}"))
                .hasStatus(HttpStatus.CREATED);
        assertThat(json(mvc, HttpMethod.POST, review, "{\"reviewId\": \"r1\", \"productId\": \"p1\"}"))
                .hasStatus(HttpStatus.OK);
        problem(
                HttpMethod.POST,
                "/loyalty/reviews",
                "{\"reviewId\": \"r2\", \"productId\": \"p1\"}",
                HttpStatus.CONFLICT,
                "REVIEW_ALREADY_REWARDED");
        assertThat(standing().path("points").asInt()).isEqualTo(50);

        var referrer = uniqueId("referrer");
        json(mvc, HttpMethod.PUT, "/api/v1/customers/" + referrer, Api.customer(MessagingFixtures.uniquePhone()))
                .assertThat()
                .hasStatus2xxSuccessful();
        assertThat(json(mvc, HttpMethod.PUT, "/api/v1/customers/" + customerId + "/loyalty/referrer", """
                {"referrerId": "%s"}""".formatted(
                                referrer)))
                .hasStatus(HttpStatus.CREATED);
        problem(
                HttpMethod.PUT,
                "/loyalty/referrer",
                "{\"referrerId\": \"%s\"}".formatted(customerId),
                HttpStatus.CONFLICT,
                "REFERRAL_REFUSED");
        deliveredOrder("89.95", T);
        assertThat(loyalty.standing(referrer).pendingPoints()).isEqualTo(200); // pending as the order's points

        clock.moveTo(T.plus(Duration.ofDays(15)));
        assertThat(standing().path("points").asInt()).isEqualTo(50 + 89 + 200);
        assertThat(loyalty.standing(referrer).points()).isEqualTo(200);
    }

    @Test
    void aTemplateThatNamesTheTierAndPointsGetsTheCustomersOwn() {
        adjust(120, "welcome");
        json(mvc, HttpMethod.PUT, "/api/v1/customers/" + customerId + "/consents/whatsapp/transactional", """
                {"status": "granted", "source": "test"}""")
                .assertThat()
                .hasStatus2xxSuccessful();

        var sent = json(mvc, HttpMethod.POST, "/api/v1/messages", """
                {"customerId": "%s", "purpose": "transactional", "template": {"key": "loyalty_status_test"}}""".formatted(customerId));

        assertThat(sent).hasStatus(HttpStatus.ACCEPTED);
        assertThat(jdbc.sql("select content::text from message where customer_id = :id")
                        .param("id", customerId)
                        .query(String.class)
                        .single())
                .contains("\"loyaltyTier\": \"member\"", "\"loyaltyPoints\": \"120\"");
    }

    @Test
    void theLedgerIsInTheExportAndAnErasureAnonymisesIt() {
        adjust(100, "gift for Sara García");
        assertThat(get(mvc, "/api/v1/customers/" + customerId + "/export"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.loyalty.ledger[0].points")
                .isEqualTo(100);

        assertThat(mvc.delete().uri("/api/v1/customers/" + customerId).header("X-Api-Key", Api.KEY))
                .hasStatus2xxSuccessful();

        assertThat(jdbc.sql("select count(*) from loyalty_entry where customer_id = :id")
                        .param("id", customerId)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from loyalty_entry where reason like '%Sara%'")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(get(mvc, "/api/v1/customers/" + customerId + "/loyalty"))
                .as("an erased member's standing is not found, though their points stay in the books")
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThatThrownBy(() -> jdbc.sql("delete from loyalty_entry").update()).hasMessageContaining("append-only");
    }

    private void program(String body) {
        json(mvc, HttpMethod.PUT, "/api/v1/loyalty/program", body).assertThat().hasStatus2xxSuccessful();
    }

    private String order(String total) {
        var orderId = uniqueId("o");
        json(mvc, HttpMethod.PUT, "/api/v1/orders/" + orderId, """
                {"customerId": "%s", "currency": "EUR", "total": %s, "placedAt": "%s",
                 "lines": [{"productId": "%s", "variantId": "v-42", "quantity": 1, "unitPrice": %s}]}""".formatted(customerId, total, T, productId, total))
                .assertThat()
                .hasStatus2xxSuccessful();
        return orderId;
    }

    /** An order delivered at an instant, once its points are in the ledger. */
    private String deliveredOrder(String total, Instant deliveredAt) {
        var orderId = shippedAndDelivered(total, deliveredAt);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> entries().stream()
                        .anyMatch(
                                entry -> orderId.equals(entry.path("reference").asString())));
        return orderId;
    }

    /** An order delivered at an instant that the programme did not credit (its currency is another). */
    private String deliveredOrderUncredited(String total, Instant deliveredAt) {
        var orderId = shippedAndDelivered(total, deliveredAt);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("select count(*) from event_publication where serialized_event like :order")
                                .param("order", "%" + orderId + "%")
                                .query(Long.class)
                                .single()
                        == 0); // the delivery's listeners are done: it earned nothing
        return orderId;
    }

    private String shippedAndDelivered(String total, Instant deliveredAt) {
        var orderId = order(total);
        json(mvc, HttpMethod.POST, "/api/v1/orders/" + orderId + "/shipments", """
                {"carrier": "DHL", "trackingNumber": "JD0146"}""")
                .assertThat()
                .hasStatus(HttpStatus.CREATED);
        json(mvc, HttpMethod.POST, "/api/v1/orders/" + orderId + "/delivery", """
                {"deliveredAt": "%s"}""".formatted(deliveredAt))
                .assertThat()
                .hasStatusOk();
        return orderId;
    }

    private void adjust(int points, String reason) {
        json(mvc, HttpMethod.POST, "/api/v1/customers/" + customerId + "/loyalty/adjustments", """
                {"points": %d, "reason": "%s"}""".formatted(
                                points, reason))
                .assertThat()
                .hasStatus(HttpStatus.CREATED);
    }

    private void problem(HttpMethod method, String path, String body, HttpStatus status, String code) {
        assertThat(json(mvc, method, "/api/v1/customers/" + customerId + path, body))
                .hasStatus(status)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo(code);
    }

    private JsonNode standing() {
        return read("/api/v1/customers/" + customerId + "/loyalty");
    }

    /** The ledger, the latest first. */
    private List<JsonNode> entries() {
        var items = read("/api/v1/customers/" + customerId + "/loyalty/ledger?size=100")
                .path("items");
        var list = new ArrayList<JsonNode>();
        items.forEach(list::add);
        return list;
    }

    private JsonNode read(String path) {
        var result = get(mvc, path).exchange();
        assertThat(result).hasStatusOk();
        return json.readTree(result.getResponse().getContentAsByteArray());
    }
}
