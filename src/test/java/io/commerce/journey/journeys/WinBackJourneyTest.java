package io.commerce.journey.journeys;

import static io.commerce.Api.get;
import static io.commerce.Api.json;
import static io.commerce.Api.uniqueId;
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
import io.commerce.promotion.DiscountCodeView;
import io.commerce.promotion.DiscountKind;
import io.commerce.promotion.PromotionService;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class WinBackJourneyTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JourneyRunner runner;

    @Autowired
    WinBackJourney journey;

    @Autowired
    PromotionService promotions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    String customerId;
    String productId;
    String lastOrderId;

    @BeforeEach
    void aSpanishCustomerWhoOrderedOnceAndAllowsSmsOffers() {
        customerId = uniqueId("c");
        productId = uniqueId("p");
        customer(mvc, customerId, uniquePhone(), "es");
        consent(mvc, customerId, "sms", "marketing", "granted");
        product(mvc, productId, 50, null);
        lastOrderId = uniqueId("o");
        order(mvc, lastOrderId, customerId, clock.instant(), productId);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void sixtyDaysWithoutAnOrderBringAnSmsWithACodeValidFor31Days() {
        clock.advance(Duration.ofDays(61));
        scan();
        var sentAt = clock.instant();

        run();

        var code = onlyCode();
        assertThat(code.reason()).isEqualTo("win_back");
        assertThat(code.kind()).isEqualTo(DiscountKind.PERCENT);
        assertThat(code.value()).isEqualByComparingTo(BigDecimal.valueOf(15));
        assertThat(code.expiresAt()).isCloseTo(sentAt.plus(Duration.ofDays(31)), within(1, ChronoUnit.MINUTES));
        var lastWholeDay = code.expiresAt()
                .atZone(ZoneId.of("Europe/Madrid"))
                .toLocalDate()
                .minusDays(1)
                .format(DateTimeFormatter.ofPattern("d 'de' MMMM 'de' yyyy", Locale.forLanguageTag("es")));
        assertThat(messages(jdbc, customerId)).singleElement().satisfies(message -> {
            assertThat(message.get("template_key")).isEqualTo("win_back");
            assertThat(message.get("channel")).isEqualTo("SMS");
            assertThat(message.get("purpose")).isEqualTo("MARKETING");
            assertThat(message.get("category")).isEqualTo("MARKETING");
            assertThat(message.get("origin")).isEqualTo("win_back/0");
            assertThat((String) message.get("sms_text"))
                    .startsWith("¡Te echamos de menos, Sara!")
                    .contains(code.code(), "hasta el " + lastWholeDay, "https://shop.example");
        });
        get(mvc, "/api/v1/customers/" + customerId + "/discount-codes")
                .assertThat()
                .bodyJson()
                .extractingPath("$[0].code")
                .isEqualTo(code.code());
        assertThat(enrollment(jdbc, WinBackJourney.NAME, trigger()))
                .containsEntry("status", "ACTIVE")
                .containsEntry("step", 1);
    }

    @Test
    void aCustomerWhoOrderedWithinSixtyDaysIsNotEnrolled() {
        clock.advance(Duration.ofDays(59));

        scan();

        assertThat(enrollmentsOf(jdbc, WinBackJourney.NAME, customerId)).isEmpty();
    }

    @Test
    void onlyTheLastOrderCountsAndACancelledOneIsNoOrder() {
        clock.advance(Duration.ofDays(30));
        var recent = uniqueId("o");
        order(mvc, recent, customerId, clock.instant(), productId);
        clock.advance(Duration.ofDays(31));
        scan();
        assertThat(enrollmentsOf(jdbc, WinBackJourney.NAME, customerId)).isEmpty();

        json(mvc, HttpMethod.POST, "/api/v1/orders/" + recent + "/cancellation", "{}")
                .assertThat()
                .hasStatusOk();
        scan();

        assertThat(enrollmentsOf(jdbc, WinBackJourney.NAME, customerId))
                .extracting(row -> row.get("trigger_id"))
                .containsExactly(trigger());
    }

    @Test
    void aLapseOlderThanTheScanWindowIsLeftToCampaigns() {
        clock.advance(Duration.ofDays(68));

        scan();

        assertThat(enrollmentsOf(jdbc, WinBackJourney.NAME, customerId)).isEmpty();
    }

    @Test
    void aNewerOrderBeforeTheSendExitsWithoutCodeOrMessage() {
        clock.advance(Duration.ofDays(61));
        scan();
        order(mvc, uniqueId("o"), customerId, clock.instant(), productId);

        run();

        assertThat(enrollment(jdbc, WinBackJourney.NAME, trigger()))
                .containsEntry("status", "EXITED")
                .containsEntry("exit_reason", "ORDERED_AGAIN");
        assertThat(messages(jdbc, customerId)).isEmpty();
        assertThat(promotions.codesOf(customerId)).isEmpty();
    }

    @Test
    void redeemingTheCodeConverts() {
        clock.advance(Duration.ofDays(61));
        scan();
        run();
        clock.advance(Duration.ofDays(3));
        json(mvc, HttpMethod.POST, "/api/v1/discount-codes/" + onlyCode().code() + "/redemptions", """
                {"orderId": "%s", "orderTotal": 40.00, "currency": "EUR"}""".formatted(
                                uniqueId("o")))
                .assertThat()
                .hasStatus2xxSuccessful();

        clock.advance(Duration.ofDays(31));
        run();

        assertThat(enrollment(jdbc, WinBackJourney.NAME, trigger()))
                .containsEntry("status", "CONVERTED")
                .containsEntry("exit_reason", "CODE_REDEEMED");
    }

    @Test
    void anOrderWhileTheCodeIsValidConverts() {
        clock.advance(Duration.ofDays(61));
        scan();
        run();
        clock.advance(Duration.ofDays(10));
        order(mvc, uniqueId("o"), customerId, clock.instant(), productId);

        clock.advance(Duration.ofDays(21));
        run();

        assertThat(enrollment(jdbc, WinBackJourney.NAME, trigger()))
                .containsEntry("status", "CONVERTED")
                .containsEntry("exit_reason", "ORDERED");
    }

    @Test
    void withoutAnOrderTheJourneyCompletesWhenTheCodeExpires() {
        clock.advance(Duration.ofDays(61));
        scan();
        run();

        clock.advance(Duration.ofDays(30));
        run();
        assertThat(enrollment(jdbc, WinBackJourney.NAME, trigger())).containsEntry("status", "ACTIVE");

        clock.advance(Duration.ofDays(1));
        run();
        assertThat(enrollment(jdbc, WinBackJourney.NAME, trigger())).containsEntry("status", "COMPLETED");
    }

    @Test
    void eachLapseEnrollsOnceAndALaterLapseAgain() {
        clock.advance(Duration.ofDays(61));
        scan();
        scan();
        assertThat(enrollmentsOf(jdbc, WinBackJourney.NAME, customerId)).hasSize(1);

        var comeback = uniqueId("o");
        order(mvc, comeback, customerId, clock.instant(), productId);
        clock.advance(Duration.ofDays(61));
        scan();

        assertThat(enrollmentsOf(jdbc, WinBackJourney.NAME, customerId))
                .extracting(row -> row.get("trigger_id"))
                .containsExactly(trigger(), customerId + "/" + comeback);
    }

    @Test
    void withoutSmsMarketingConsentTheEnrollmentExitsAndNoCodeIsLeft() {
        consent(mvc, customerId, "sms", "marketing", "withdrawn");
        consent(mvc, customerId, "sms", "transactional", "granted");
        consent(mvc, customerId, "whatsapp", "marketing", "granted");
        clock.advance(Duration.ofDays(61));
        scan();

        run();

        assertThat(enrollment(jdbc, WinBackJourney.NAME, trigger()))
                .containsEntry("status", "EXITED")
                .containsEntry("exit_reason", "CONSENT_REQUIRED");
        assertThat(messages(jdbc, customerId)).isEmpty();
        assertThat(promotions.codesOf(customerId)).isEmpty();
    }

    private void scan() {
        journey.scan();
    }

    private void run() {
        LifecycleFixtures.run(jdbc, runner, WinBackJourney.NAME, customerId);
    }

    private String trigger() {
        return customerId + "/" + lastOrderId;
    }

    private DiscountCodeView onlyCode() {
        var codes = promotions.codesOf(customerId);
        assertThat(codes).hasSize(1);
        return codes.getFirst();
    }
}
