package io.commerce.journey.engine;

import static io.commerce.Api.customer;
import static io.commerce.Api.json;
import static io.commerce.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.commerce.IntegrationTest;
import io.commerce.TestClock;
import io.commerce.conversation.CustomerReply;
import io.commerce.journey.JourneyEnded;
import io.commerce.journey.JourneyEntered;
import io.commerce.messaging.MessagingService;
import io.commerce.messaging.OutboundContent;
import io.commerce.messaging.SendCommand;
import io.commerce.shared.Channel;
import io.commerce.shared.Purpose;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The runner's own rules, shown with a journey whose steps each test decides. */
@IntegrationTest
class JourneyEngineTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JourneyRunner runner;

    @Autowired
    Enroller enroller;

    @Autowired
    ProbeJourney probe;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ReplyRouter replies;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    MessagingService messaging;

    @Autowired
    ApplicationEvents events;

    String customerId;

    @BeforeEach
    void aCustomer() {
        customerId = uniqueId("c");
        json(mvc, HttpMethod.PUT, "/api/v1/customers/" + customerId, customer("+34612345678"))
                .assertThat()
                .hasStatus2xxSuccessful();
        jdbc.sql("update enrollment set next_run_at = 'infinity' where status = 'ACTIVE'")
                .update();
    }

    @AfterEach
    void restore() {
        clock.reset();
        probe.enabled(true);
        probe.behave(enrollment -> Step.complete());
    }

    @Test
    void aCustomerEntersOncePerTriggerAndTheEntryIsPublished() {
        var trigger = uniqueId("t");

        assertThat(enroller.enroll(probe, trigger, customerId, Map.of(), Duration.ZERO))
                .isTrue();
        assertThat(enroller.enroll(probe, trigger, customerId, Map.of(), Duration.ZERO))
                .isFalse();

        assertThat(events.stream(JourneyEntered.class).filter(e -> e.triggerId().equals(trigger)))
                .singleElement()
                .satisfies(entered -> assertThat(entered.customerId()).isEqualTo(customerId));
    }

    @Test
    void aStepRunsOnlyOnceItsWaitIsOver() {
        var trigger = enroll(Duration.ZERO);
        probe.behave(enrollment -> enrollment.step() == 0 ? Step.next(1, Duration.ofHours(1)) : Step.complete());

        runner.runOnce();
        runner.runOnce();
        assertThat(status(trigger)).isEqualTo("ACTIVE");

        clock.advance(Duration.ofHours(1));
        runner.runOnce();
        assertThat(status(trigger)).isEqualTo("COMPLETED");
    }

    @Test
    void anAnswerRunsTheWaitingStepAtOnceWithTheAnswer() {
        var trigger = enroll(Duration.ZERO);
        var seen = new AtomicReference<Optional<String>>();
        probe.behave(enrollment -> {
            if (enrollment.step() == 0) {
                return Step.awaitReply(1, Duration.ofDays(2), "msg-" + trigger, Map.of("asked", "rating"));
            }
            seen.set(enrollment.reply());
            assertThat(enrollment.get("asked")).isEqualTo("rating");
            return Step.complete();
        });
        runner.runOnce();

        reply("msg-" + trigger, "RATING_5", null);
        await().atMost(Duration.ofSeconds(10)).until(() -> runner.runOnce() == 1);

        assertThat(seen.get()).contains("RATING_5");
        assertThat(status(trigger)).isEqualTo("COMPLETED");
    }

    @Test
    void withoutAnAnswerTheWaitingStepRunsAfterTheTimeoutWithNone() {
        var trigger = enroll(Duration.ZERO);
        var seen = new AtomicReference<Optional<String>>();
        probe.behave(enrollment -> {
            if (enrollment.step() == 0) {
                return Step.awaitReply(1, Duration.ofDays(2), "msg-" + trigger);
            }
            seen.set(enrollment.reply());
            return Step.complete();
        });
        runner.runOnce();
        clock.advance(Duration.ofDays(1));
        assertThat(runner.runOnce()).isZero();

        clock.advance(Duration.ofDays(1));
        runner.runOnce();

        assertThat(seen.get()).isEmpty();
        assertThat(status(trigger)).isEqualTo("COMPLETED");
    }

    @Test
    void anAnswerGoesToTheEnrollmentWaitingForThatMessageElseToTheLatestWaiting() {
        var first = enroll(Duration.ZERO);
        var second = enroll(Duration.ZERO);
        probe.behave(enrollment -> Step.awaitReply(1, Duration.ofDays(2), "msg-" + enrollment.triggerId()));
        runner.runOnce();

        reply("msg-" + first, "YES", null);
        await().atMost(Duration.ofSeconds(10)).until(() -> context(first).containsKey("reply"));
        assertThat(context(second)).doesNotContainKey("reply");

        reply(null, null, "4"); // an SMS answer names no message: the waiting one left is the second
        await().atMost(Duration.ofSeconds(10)).until(() -> context(second).containsKey("replyText"));
        assertThat(context(second)).containsEntry("replyText", "4");
    }

    @Test
    void anAnswerNobodyWaitsForChangesNothing() {
        var trigger = enroll(Duration.ZERO);
        probe.behave(enrollment -> Step.next(1, Duration.ofDays(1)));
        runner.runOnce();

        reply(null, null, "hello");
        reply(null, "RATING_1", null);

        clock.advance(Duration.ofHours(1));
        assertThat(runner.runOnce()).isZero();
        assertThat(context(trigger)).doesNotContainKeys("reply", "replyText");
    }

    @Test
    void aRefusedMessageEndsTheEnrollmentWithTheRefusalAndWritesNothing() {
        var trigger = enroll(Duration.ZERO);
        probe.behave(enrollment -> {
            smsMarketing(enrollment, "only with consent");
            return Step.complete();
        });

        runner.runOnce();

        assertThat(status(trigger)).isEqualTo("EXITED");
        assertThat(exitReason(trigger)).isEqualTo("CONSENT_REQUIRED");
        assertThat(jdbc.sql("select count(*) from message where customer_id = ?")
                        .param(customerId)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aStepsMessageCarriesItsOriginAndCommitsWithTheAdvance() {
        grantSmsMarketing();
        var trigger = enroll(Duration.ZERO);
        probe.behave(enrollment -> {
            smsMarketing(enrollment, "hello");
            return Step.next(1, Duration.ofDays(1));
        });

        runner.runOnce();

        var message = jdbc.sql("select origin, origin_ref from message where customer_id = ?")
                .param(customerId)
                .query()
                .singleRow();
        assertThat(message.get("origin")).isEqualTo("probe/0");
        assertThat(message.get("origin_ref")).isEqualTo(enrollmentId(trigger));
    }

    @Test
    void aFailingStepIsRetriedThenGivenUp() {
        var trigger = enroll(Duration.ZERO);
        probe.behave(enrollment -> {
            throw new IllegalStateException("shop backend down");
        });

        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(runner.runOnce()).isEqualTo(1);
            clock.advance(Duration.ofMinutes(1));
        }

        assertThat(status(trigger)).isEqualTo("EXITED");
        assertThat(exitReason(trigger)).isEqualTo("STEP_FAILED");
    }

    @Test
    void oneFailingStepAmongOthersInATransactionCostsTheOthersNothing() {
        var healthy = enroll(Duration.ZERO);
        var failing = enroll(Duration.ZERO);
        var refused = enroll(Duration.ZERO);
        var another = enroll(Duration.ZERO);
        probe.behave(enrollment -> {
            if (enrollment.triggerId().equals(failing)) {
                throw new IllegalStateException("shop backend down");
            }
            if (enrollment.triggerId().equals(refused)) {
                smsMarketing(enrollment, "only with consent");
            }
            return Step.complete();
        });

        assertThat(runner.runOnce()).isEqualTo(4); // one transaction for the four, rolled back, then one each

        assertThat(status(healthy)).isEqualTo("COMPLETED");
        assertThat(status(another)).isEqualTo("COMPLETED");
        assertThat(exitReason(refused)).isEqualTo("CONSENT_REQUIRED");
        assertThat(status(failing)).isEqualTo("ACTIVE");
        assertThat(column("attempts::text", failing)).isEqualTo("1");
    }

    @Test
    void aStepWhoseLeaseAnotherRunnerTookWritesNothingWhileTheOthersAdvance() {
        grantSmsMarketing();
        var kept = enroll(Duration.ZERO);
        var taken = enroll(Duration.ZERO);
        var waiting = enroll(Duration.ZERO);
        probe.behave(enrollment -> {
            smsMarketing(enrollment, "hello");
            if (enrollment.triggerId().equals(taken)) {
                // meanwhile another runner leased it again: its lease is no longer this runner's
                jdbc.sql("update enrollment set claim_token = gen_random_uuid() where id = ?")
                        .param(enrollment.id())
                        .update();
            }
            return enrollment.triggerId().equals(waiting) ? Step.next(1, Duration.ofHours(1)) : Step.complete();
        });

        assertThat(runner.runOnce()).isEqualTo(3);

        assertThat(status(kept)).isEqualTo("COMPLETED");
        assertThat(status(waiting)).isEqualTo("ACTIVE");
        assertThat(column("step::text", waiting)).isEqualTo("1");
        assertThat(status(taken)).isEqualTo("ACTIVE");
        assertThat(column("step::text", taken)).isEqualTo("0");
        assertThat(jdbc.sql("select count(*) from message where origin_ref = ?")
                        .param(enrollmentId(taken))
                        .query(Long.class)
                        .single())
                .as("the taken step's message is rolled back with it")
                .isZero();
        assertThat(jdbc.sql("select count(*) from message where origin_ref = ?")
                        .param(enrollmentId(kept))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aSwitchedOffJourneyEnrollsNobodyAndEndsWhoIsIn() {
        var running = enroll(Duration.ofHours(1));
        probe.enabled(false);

        assertThat(enroller.enroll(probe, uniqueId("t"), customerId, Map.of(), Duration.ZERO))
                .isFalse();
        clock.advance(Duration.ofHours(1));
        runner.runOnce();

        assertThat(exitReason(running)).isEqualTo("JOURNEY_DISABLED");
    }

    @Test
    void anErasedCustomerLeavesEveryJourney() {
        var trigger = enroll(Duration.ZERO);
        json(mvc, HttpMethod.DELETE, "/api/v1/customers/" + customerId, "").exchange();

        runner.runOnce();

        assertThat(exitReason(trigger)).isEqualTo("CUSTOMER_ERASED");
    }

    @Test
    void aConversionIsCountedAndPublished() {
        var converted = meters.counter(
                "journey.ended", "journey", ProbeJourney.NAME, "outcome", "converted", "reason", "ORDER_PLACED");
        var before = converted.count();
        var trigger = enroll(Duration.ZERO);
        probe.behave(enrollment -> Step.converted("ORDER_PLACED"));

        runner.runOnce();

        assertThat(status(trigger)).isEqualTo("CONVERTED");
        assertThat(converted.count()).isEqualTo(before + 1);
        assertThat(events.stream(JourneyEnded.class)
                        .filter(e -> e.enrollmentId().equals(enrollmentId(trigger))))
                .singleElement()
                .satisfies(ended -> assertThat(ended.outcome()).isEqualTo("converted"));
    }

    private void grantSmsMarketing() {
        json(mvc, HttpMethod.PUT, "/api/v1/customers/" + customerId + "/consents/sms/marketing", """
                {"status": "granted", "source": "checkout"}""")
                .exchange();
    }

    /** What a step queues: a marketing SMS to the test's customer, carrying the enrollment as its origin. */
    private void smsMarketing(Enrollment enrollment, String text) {
        messaging.send(new SendCommand(
                customerId,
                Purpose.MARKETING,
                Channel.SMS,
                new OutboundContent.Text(text, false),
                null,
                enrollment.origin()));
    }

    private String enroll(Duration delay) {
        var trigger = uniqueId("t");
        assertThat(enroller.enroll(probe, trigger, customerId, Map.of(), delay)).isTrue();
        return trigger;
    }

    private void reply(String messageId, String payload, String text) {
        transaction.executeWithoutResult(status -> replies.take(
                new CustomerReply(customerId, messageId, Channel.WHATSAPP, payload, text, clock.instant())));
    }

    private String status(String trigger) {
        return column("status", trigger);
    }

    private String exitReason(String trigger) {
        return column("exit_reason", trigger);
    }

    private String enrollmentId(String trigger) {
        return column("id::text", trigger);
    }

    private Map<String, Object> context(String trigger) {
        var json = column("context::text", trigger);
        return JsonMapper.builder().build().readValue(json, Map.class);
    }

    private String column(String column, String trigger) {
        return jdbc.sql("select " + column + " from enrollment where journey = 'probe' and trigger_id = ?")
                .param(trigger)
                .query(String.class)
                .single();
    }
}
