package io.commerce.journey.journeys;

import static io.commerce.Api.get;
import static io.commerce.Api.json;
import static io.commerce.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.commerce.IntegrationTest;
import io.commerce.TestClock;
import io.commerce.cart.CartConverted;
import io.commerce.cart.CartUpdated;
import io.commerce.journey.JourneyEnded;
import io.commerce.journey.engine.JourneyRunner;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class AbandonedCartJourneyTest {

    private static final String JOURNEY = AbandonedCartJourney.NAME;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JourneyRunner runner;

    @Autowired
    AbandonedCartJourney journey;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ApplicationEvents events;

    PurchaseFixtures fixtures;
    String customerId;
    String runnerX;
    String trailY;
    String cartId;

    @BeforeEach
    void customerWithACart() {
        fixtures = new PurchaseFixtures(mvc, jdbc);
        customerId = uniqueId("c");
        runnerX = uniqueId("p");
        trailY = uniqueId("p");
        cartId = uniqueId("cart");
        fixtures.customer(customerId, "Europe/Madrid");
        fixtures.consent(customerId, "whatsapp", "marketing", "granted");
        fixtures.product(runnerX, "Runner X", uniqueId("cat"), 5);
        fixtures.product(trailY, "Trail Y", uniqueId("cat"), 5);
        fixtures.parkOtherEnrollments();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aCartLeftAloneGetsTheReminderAfterAnHourThenACodeAfterADayThenCompletes() {
        fixtures.cart(cartId, customerId, runnerX, trailY);
        fixtures.awaitEnrollment(JOURNEY, cartId);

        clock.advance(Duration.ofMinutes(59));
        runner.runOnce();
        assertThat(cartMessages()).isEmpty();

        clock.advance(Duration.ofMinutes(2));
        runner.runOnce();
        assertThat(cartMessages()).singleElement().satisfies(message -> {
            assertThat(message.get("template_key")).isEqualTo("cart_reminder");
            assertThat(message.get("channel")).isEqualTo("WHATSAPP");
            assertThat(message.get("purpose")).isEqualTo("MARKETING");
            assertThat(message.get("category")).isEqualTo("MARKETING");
            assertThat(message.get("origin")).isEqualTo("abandoned_cart/0");
            assertThat((String) message.get("sms_text"))
                    .contains("Runner X (+1)", "https://shop.example/checkout/" + cartId);
        });

        clock.advance(Duration.ofHours(22));
        runner.runOnce();
        assertThat(cartMessages()).hasSize(1);

        clock.advance(Duration.ofMinutes(60));
        runner.runOnce();
        var code = onlyCode();
        assertThat(cartMessages()).hasSize(2).last().satisfies(message -> {
            assertThat(message.get("template_key")).isEqualTo("cart_discount");
            assertThat(message.get("category")).isEqualTo("MARKETING");
            assertThat(message.get("origin")).isEqualTo("abandoned_cart/1");
            assertThat((String) message.get("sms_text"))
                    .contains(code, "10%", "https://shop.example/checkout/" + cartId);
        });
        assertThat(get(mvc, "/api/v1/customers/" + customerId + "/discount-codes"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[0]")
                .asMap()
                .containsEntry("code", code)
                .containsEntry("reason", "abandoned_cart")
                .containsEntry("kind", "percent")
                .containsEntry("value", 10.0);

        clock.advance(Duration.ofDays(7));
        runner.runOnce();
        assertThat(fixtures.enrollment(JOURNEY, cartId)).containsEntry("status", "COMPLETED");
        assertThat(cartMessages()).hasSize(2);
    }

    @Test
    void aCartChangeRestartsTheClockOfTheFirstReminder() {
        fixtures.cart(cartId, customerId, runnerX);
        fixtures.awaitEnrollment(JOURNEY, cartId);
        var firstDue = nextRunAt();

        clock.advance(Duration.ofMinutes(50));
        fixtures.cart(cartId, customerId, runnerX, trailY);
        await().atMost(Duration.ofSeconds(10)).until(() -> nextRunAt().isAfter(firstDue));
        assertThat(Duration.between(firstDue, nextRunAt())).isGreaterThanOrEqualTo(Duration.ofMinutes(50));

        clock.advance(Duration.ofMinutes(20)); // 70 minutes after the cart was put, 20 after its change
        runner.runOnce();
        assertThat(cartMessages()).isEmpty();

        clock.advance(Duration.ofMinutes(41));
        runner.runOnce();
        assertThat(cartMessages())
                .singleElement()
                .satisfies(
                        message -> assertThat((String) message.get("sms_text")).contains("Runner X (+1)"));
    }

    @Test
    void aChangeAfterTheFirstReminderRestartsTheClockOfTheCode() {
        fixtures.cart(cartId, customerId, runnerX);
        fixtures.awaitEnrollment(JOURNEY, cartId);
        clock.advance(Duration.ofMinutes(61));
        runner.runOnce();
        assertThat(cartMessages()).hasSize(1);

        clock.advance(Duration.ofHours(20));
        var stepOneDue = nextRunAt();
        fixtures.cart(cartId, customerId, runnerX, trailY);
        await().atMost(Duration.ofSeconds(10)).until(() -> nextRunAt().isAfter(stepOneDue));

        clock.advance(Duration.ofHours(5)); // 26 hours after the cart was put, 5 after its change
        runner.runOnce();
        assertThat(cartMessages()).hasSize(1);
        assertThat(codes()).isZero();

        clock.advance(Duration.ofHours(19).plusMinutes(1));
        runner.runOnce();
        assertThat(cartMessages())
                .extracting(m -> m.get("template_key"))
                .containsExactly("cart_reminder", "cart_discount");
        assertThat(codes()).isOne();
    }

    @Test
    void aChangeTheEventMissedStillDefersTheReminder() {
        fixtures.cart(cartId, customerId, runnerX);
        fixtures.awaitEnrollment(JOURNEY, cartId);
        var firstDue = nextRunAt();
        clock.advance(Duration.ofMinutes(30));
        fixtures.cart(cartId, customerId, trailY);
        await().atMost(Duration.ofSeconds(10)).until(() -> nextRunAt().isAfter(firstDue));
        clock.advance(Duration.ofMinutes(31));
        // the step reads the cart itself: even if the change's event had not rescheduled it, nothing goes yet
        jdbc.sql("update enrollment set next_run_at = ? where journey = ? and trigger_id = ?")
                .params(Timestamp.from(clock.instant()), JOURNEY, cartId)
                .update();

        runner.runOnce();

        assertThat(cartMessages()).isEmpty();
        assertThat(fixtures.enrollment(JOURNEY, cartId))
                .containsEntry("status", "ACTIVE")
                .containsEntry("step", 0);
        assertThat(nextRunAt()).isAfter(clock.instant().plus(Duration.ofMinutes(28)));
    }

    @Test
    void anEmptiedCartExitsAndGetsNothing() {
        fixtures.cart(cartId, customerId, runnerX);
        fixtures.awaitEnrollment(JOURNEY, cartId);

        fixtures.cart(cartId, customerId);
        fixtures.awaitStatus(JOURNEY, cartId, "EXITED");
        clock.advance(Duration.ofHours(2));
        runner.runOnce();

        assertThat(fixtures.enrollment(JOURNEY, cartId)).containsEntry("exit_reason", "CART_EMPTIED");
        assertThat(cartMessages()).isEmpty();
    }

    @Test
    void anOrderAfterTheReminderConvertsAndStopsFurtherReminders() {
        var ended = endedCount("converted", "ORDER_PLACED");
        fixtures.cart(cartId, customerId, runnerX);
        fixtures.awaitEnrollment(JOURNEY, cartId);
        clock.advance(Duration.ofMinutes(61));
        runner.runOnce();

        fixtures.order(uniqueId("o"), customerId, cartId, clock.instant(), Map.of(), runnerX);
        fixtures.awaitStatus(JOURNEY, cartId, "CONVERTED");
        clock.advance(Duration.ofDays(2));
        runner.runOnce();

        assertThat(fixtures.enrollment(JOURNEY, cartId)).containsEntry("exit_reason", "ORDER_PLACED");
        assertThat(cartMessages()).extracting(m -> m.get("template_key")).containsExactly("cart_reminder");
        assertThat(codes()).isZero();
        assertThat(endedCount("converted", "ORDER_PLACED")).isEqualTo(ended + 1);
    }

    @Test
    void anOrderBeforeAnyReminderEndsTheJourneyWithoutAConversion() {
        fixtures.cart(cartId, customerId, runnerX);
        fixtures.awaitEnrollment(JOURNEY, cartId);
        clock.advance(Duration.ofMinutes(10));

        fixtures.order(uniqueId("o"), customerId, cartId, clock.instant(), Map.of(), runnerX);
        fixtures.awaitStatus(JOURNEY, cartId, "EXITED");
        clock.advance(Duration.ofHours(2));
        runner.runOnce();

        assertThat(fixtures.enrollment(JOURNEY, cartId)).containsEntry("exit_reason", "ORDER_PLACED");
        assertThat(cartMessages()).isEmpty();
    }

    @Test
    void anOrderWithinTheConversionWindowAfterTheCodeConverts() {
        fixtures.cart(cartId, customerId, runnerX);
        fixtures.awaitEnrollment(JOURNEY, cartId);
        clock.advance(Duration.ofMinutes(61));
        runner.runOnce();
        clock.advance(Duration.ofHours(23));
        runner.runOnce();
        assertThat(fixtures.enrollment(JOURNEY, cartId)).containsEntry("step", 2);

        clock.advance(Duration.ofDays(3));
        fixtures.order(uniqueId("o"), customerId, cartId, clock.instant(), Map.of(), runnerX);

        fixtures.awaitStatus(JOURNEY, cartId, "CONVERTED");
        assertThat(fixtures.enrollment(JOURNEY, cartId).get("context").toString())
                .contains("\"discountCode\": \"" + onlyCode() + "\"");
    }

    @Test
    void anEndingFromAnEventIsAnnouncedAndCountedLikeAStepsEnding() {
        var ended = endedCount("converted", "ORDER_PLACED");
        fixtures.cart(cartId, customerId, runnerX);
        fixtures.awaitEnrollment(JOURNEY, cartId);
        clock.advance(Duration.ofMinutes(61));
        runner.runOnce();

        listener().on(new CartConverted(cartId, customerId, "o-1", clock.instant()));

        assertThat(events.stream(JourneyEnded.class).filter(e -> e.customerId().equals(customerId)))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.journey()).isEqualTo(JOURNEY);
                    assertThat(e.outcome()).isEqualTo("converted");
                    assertThat(e.reason()).isEqualTo("ORDER_PLACED");
                    assertThat(e.step()).isEqualTo(1);
                });
        assertThat(endedCount("converted", "ORDER_PLACED")).isEqualTo(ended + 1);
    }

    @Test
    void theCodeIsIssuedOnceWhenTheStepFailsAndIsRetried() {
        fixtures.cart(cartId, customerId, runnerX);
        fixtures.awaitEnrollment(JOURNEY, cartId);
        clock.advance(Duration.ofMinutes(61));
        runner.runOnce();
        clock.advance(Duration.ofHours(23));
        failMessagesTo(customerId);
        try {
            runner.runOnce(); // the code is issued, then the message cannot be written: the step rolls back
        } finally {
            jdbc.sql("drop trigger fail_messages_to on message").update();
        }
        assertThat(fixtures.enrollment(JOURNEY, cartId))
                .containsEntry("status", "ACTIVE")
                .containsEntry("step", 1)
                .containsEntry("attempts", 1);
        assertThat(codes()).isZero();

        clock.advance(Duration.ofMinutes(2)); // commerce.journey.retry-backoff
        runner.runOnce();

        var code = onlyCode();
        assertThat(cartMessages())
                .last()
                .satisfies(
                        message -> assertThat((String) message.get("sms_text")).contains(code));
    }

    @Test
    void aRefusedCodeMessageExitsAndLeavesNoCode() {
        fixtures.cart(cartId, customerId, runnerX);
        fixtures.awaitEnrollment(JOURNEY, cartId);
        clock.advance(Duration.ofMinutes(61));
        runner.runOnce();
        fixtures.consent(customerId, "whatsapp", "marketing", "withdrawn");

        clock.advance(Duration.ofHours(23));
        runner.runOnce();

        assertThat(fixtures.enrollment(JOURNEY, cartId))
                .containsEntry("status", "EXITED")
                .containsEntry("exit_reason", "CONSENT_REQUIRED");
        assertThat(codes()).isZero();
    }

    @Test
    void withoutWhatsAppMarketingConsentNoReminderGoes() {
        fixtures.consent(customerId, "whatsapp", "marketing", "withdrawn");
        fixtures.consent(customerId, "sms", "marketing", "granted");
        fixtures.cart(cartId, customerId, runnerX);
        fixtures.awaitEnrollment(JOURNEY, cartId);

        clock.advance(Duration.ofMinutes(61));
        runner.runOnce();

        assertThat(fixtures.enrollment(JOURNEY, cartId)).containsEntry("exit_reason", "CONSENT_REQUIRED");
        assertThat(cartMessages()).isEmpty();
    }

    @Test
    void anErasedCustomerLeavesTheJourney() {
        fixtures.cart(cartId, customerId, runnerX);
        fixtures.awaitEnrollment(JOURNEY, cartId);
        json(mvc, HttpMethod.DELETE, "/api/v1/customers/" + customerId, "")
                .assertThat()
                .hasStatus2xxSuccessful();

        clock.advance(Duration.ofMinutes(61));
        runner.runOnce();

        assertThat(fixtures.enrollment(JOURNEY, cartId)).containsEntry("exit_reason", "CUSTOMER_ERASED");
        assertThat(cartMessages()).isEmpty();
    }

    @Test
    void aRepeatedCartEventEnrollsOnceAndKeepsTheClock() {
        fixtures.cart(cartId, customerId, runnerX);
        fixtures.awaitEnrollment(JOURNEY, cartId);
        var due = nextRunAt();
        var updatedAt = jdbc.sql("select updated_at from cart where id = ?")
                .param(cartId)
                .query(Timestamp.class)
                .single()
                .toInstant();

        listener().on(new CartUpdated(cartId, customerId, 1, updatedAt));

        assertThat(fixtures.enrollments(JOURNEY, cartId)).isOne();
        assertThat(nextRunAt()).isEqualTo(due);
    }

    /** The journey itself, not its proxy: its listeners run here, synchronously, as a redelivery would. */
    private AbandonedCartJourney listener() {
        return AopTestUtils.getUltimateTargetObject(journey);
    }

    private Instant nextRunAt() {
        return ((Timestamp) fixtures.enrollment(JOURNEY, cartId).get("next_run_at")).toInstant();
    }

    private List<Map<String, Object>> cartMessages() {
        return fixtures.messages(customerId, "cart_reminder", "cart_discount");
    }

    private long codes() {
        return jdbc.sql("select count(*) from discount_code where customer_id = ?")
                .param(customerId)
                .query(Long.class)
                .single();
    }

    private String onlyCode() {
        return jdbc.sql("select code from discount_code where customer_id = ?")
                .param(customerId)
                .query(String.class)
                .single();
    }

    private double endedCount(String outcome, String reason) {
        var counter = meters.find("journey.ended")
                .tags("journey", JOURNEY, "outcome", outcome, "reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    /** Writing a message to this customer fails, as a database outage would, until the trigger is dropped. */
    private void failMessagesTo(String customer) {
        jdbc.sql("""
                        create or replace function fail_messages_to() returns trigger language plpgsql as $$
                        begin
                          if new.customer_id = tg_argv[0] then raise exception 'simulated outage'; end if;
                          return new;
                        end $$""").update();
        jdbc.sql("create trigger fail_messages_to before insert on message for each row"
                        + " execute function fail_messages_to('" + customer + "')")
                .update();
    }
}
