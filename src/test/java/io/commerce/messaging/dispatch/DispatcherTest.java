package io.commerce.messaging.dispatch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.commerce.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.commerce.Fixtures;
import io.commerce.TestClock;
import io.commerce.consent.ConsentChange;
import io.commerce.consent.ConsentService;
import io.commerce.consent.ConsentStatus;
import io.commerce.customer.CustomerDetails;
import io.commerce.customer.CustomerService;
import io.commerce.messaging.MessageStatus;
import io.commerce.messaging.MessagingFixtures;
import io.commerce.messaging.MessagingProperties;
import io.commerce.messaging.MessagingService;
import io.commerce.messaging.OutboundContent;
import io.commerce.messaging.SendCommand;
import io.commerce.messaging.channel.InboundMessage;
import io.commerce.messaging.channel.StatusReport;
import io.commerce.messaging.intake.InboundMessages;
import io.commerce.messaging.outbox.MessageReads;
import io.commerce.messaging.outbox.MessageRow;
import io.commerce.messaging.outbox.Pacing;
import io.commerce.messaging.outbox.SendLifecycle;
import io.commerce.messaging.outbox.StatusLedger;
import io.commerce.messaging.whatsapp.WhatsAppSecrets;
import io.commerce.shared.Channel;
import io.commerce.shared.Purpose;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dispatcher against WireMock standing in for the Cloud API and a Twilio-compatible API, on real
 * PostgreSQL: request bodies, each error class, retries, fallback, the rules re-checked before sending,
 * pacing, two dispatchers racing, and a send interrupted by a crash.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DispatcherTest {

    private static final String MESSAGES = "/v24.0/106540352242922/messages";
    private static final String TWILIO = "/2010-04-01/Accounts/ACtest/Messages.json";
    private static final WireMockServer PROVIDER = startProvider();

    @DynamicPropertySource
    static void liveChannelsOnWireMock(DynamicPropertyRegistry registry) {
        registry.add("commerce.messaging.whatsapp.access-token", () -> "test-token");
        registry.add("commerce.messaging.whatsapp.api-base-url", PROVIDER::baseUrl);
        registry.add("commerce.messaging.whatsapp.phone-number-id", () -> "106540352242922");
        registry.add("commerce.messaging.whatsapp.app-secret", () -> "app-secret");
        registry.add("commerce.messaging.whatsapp.request-timeout", () -> "PT3S"); // loaded CI machines answer slowly
        registry.add("commerce.messaging.sms.api-base-url", PROVIDER::baseUrl);
        registry.add("commerce.messaging.sms.account-sid", () -> "ACtest");
        registry.add("commerce.messaging.sms.auth-token", () -> "sms-token");
        registry.add("commerce.messaging.sms.webhook-base-url", () -> "https://shop.example");
    }

    @Autowired
    Dispatcher dispatcher;

    @Autowired
    Pacing pacing;

    @Autowired
    MessageSender sender;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    MessagingProperties properties;

    @Autowired
    TestClock clock;

    @Autowired
    MessagingService messaging;

    @Autowired
    CustomerService customers;

    @Autowired
    ConsentService consents;

    @Autowired
    MessageReads reads;

    @Autowired
    SendLifecycle lifecycle;

    @Autowired
    StatusLedger ledger;

    @Autowired
    JdbcClient jdbc;

    String customerId;
    String phone;

    @BeforeEach
    void freshProviderAndCustomer() {
        PROVIDER.resetAll();
        PROVIDER.stubFor(post(urlEqualTo(MESSAGES)).willReturn(accepted()));
        PROVIDER.stubFor(post(urlEqualTo(TWILIO))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"sid\": \"SM{{randomValue length=32 type='HEXADECIMAL'}}\", \"status\": \"queued\"}")
                        .withTransformers("response-template")));
        // other test classes leave queued messages behind: park them, and start with a full token bucket
        MessagingFixtures.parkOtherTestsMessages(jdbc);
        customerId = uniqueId("c");
        phone = MessagingFixtures.uniquePhone();
        customers.upsert(
                customerId, new CustomerDetails(phone, "Sara", null, null, "es", null, null, List.of(), Map.of()));
        grant(Channel.WHATSAPP, Purpose.TRANSACTIONAL);
        grant(Channel.WHATSAPP, Purpose.MARKETING);
    }

    @Test
    void sendsATemplateAsMetaExpectsAndKeepsTheWamid() {
        PROVIDER.stubFor(post(urlEqualTo(MESSAGES))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.text("send_response_success.json"))));
        var id = queueTemplate();

        dispatcher.dispatchOnce(Channel.WHATSAPP);

        PROVIDER.verify(postRequestedFor(urlEqualTo(MESSAGES))
                .withHeader("Authorization", equalTo("Bearer test-token"))
                .withRequestBody(equalToJson("""
                        {"messaging_product": "whatsapp", "recipient_type": "individual", "to": "%s", "type": "template",
                         "template": {"name": "order_shipped", "language": {"code": "es"},
                                      "components": [{"type": "body", "parameters": [
                                          {"type": "text", "text": "Sara"}, {"type": "text", "text": "1001"}]}]},
                         "biz_opaque_callback_data": "%s"}""".formatted(phone, id))));
        var row = reads.find(id).orElseThrow();
        assertThat(row.status()).isEqualTo(MessageStatus.SENT);
        assertThat(row.providerMessageId()).isEqualTo("wamid.HBgLMTY0NjcwNDM1OTUVAgARGBI1RjQyNUE3NEYxMzAzMzQ5MkEA");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {"send_response_success_template_accepted.json", "send_template_response_lto.json"})
    void templateResponsesWithPacingStatusYieldTheWamid(String fixture) {
        PROVIDER.stubFor(post(urlEqualTo(MESSAGES))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.text(fixture))));
        jdbc.sql("update message set provider_message_id = null where provider_message_id = ?")
                .param(Fixtures.json(fixture)
                        .path("messages")
                        .path(0)
                        .path("id")
                        .asString())
                .update();
        var id = queueTemplate();

        dispatcher.dispatchOnce(Channel.WHATSAPP);

        assertThat(reads.find(id).orElseThrow().providerMessageId())
                .isEqualTo(Fixtures.json(fixture)
                        .path("messages")
                        .path(0)
                        .path("id")
                        .asString());
    }

    @Test
    void markAsReadIsPostedAsMetaExpects(@Autowired io.commerce.messaging.whatsapp.WhatsAppGateway gateway) {
        PROVIDER.stubFor(post(urlEqualTo(MESSAGES))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.text("send_mark_as_read_response.json"))));

        gateway.markAsRead("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MTI2ODkwNjI2NTE3NjNFMwA=");

        PROVIDER.verify(postRequestedFor(urlEqualTo(MESSAGES))
                .withRequestBody(equalToJson(Fixtures.text("send_mark_as_read_request.json")
                        .replaceAll(
                                "\"message_id\": \"[^\"]*\"",
                                "\"message_id\": \"wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MTI2ODkwNjI2NTE3NjNFMwA=\""))));
    }

    @Test
    void aCustomersWhatsAppMessageIsMarkedReadOnceHandled(
            @Autowired InboundMessages inbound,
            @Autowired org.springframework.transaction.support.TransactionTemplate transaction) {
        var wamid = "wamid.IN" + UUID.randomUUID();

        transaction.executeWithoutResult(status -> inbound.receive(new InboundMessage(
                Channel.WHATSAPP,
                wamid,
                phone,
                "text",
                "hola",
                null,
                null,
                "{}",
                Instant.now(),
                null,
                null,
                null,
                null)));

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> PROVIDER.verify(
                        postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(equalToJson("""
                                {"messaging_product": "whatsapp", "status": "read", "message_id": "%s"}""".formatted(wamid)))));
    }

    @Test
    void throttlingIsRetriedWithBackoffAndJitterThenSent() {
        failWith(400, Fixtures.text("error_response_130429.json"));
        var id = queueTemplate();

        dispatcher.dispatchOnce(Channel.WHATSAPP);

        var retry = reads.find(id).orElseThrow();
        assertThat(retry.status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(retry.attempts()).isEqualTo(1);
        assertThat(retry.errorCode()).isEqualTo("130429");
        assertThat(retry.nextAttemptAt())
                .isBetween(Instant.now().plusMillis(1_000), Instant.now().plusMillis(2_500));

        PROVIDER.stubFor(post(urlEqualTo(MESSAGES)).willReturn(accepted()));
        makeDue(id);
        jdbc.sql("delete from recipient_pace where phone = ?").param(phone).update(); // the pair gap has passed
        dispatcher.dispatchOnce(Channel.WHATSAPP);

        assertThat(reads.find(id).orElseThrow()).satisfies(sent -> {
            assertThat(sent.status()).isEqualTo(MessageStatus.SENT);
            assertThat(sent.attempts()).isEqualTo(2);
        });
    }

    @Test
    void outagesAreRetried() {
        failWith(503, "<html>Service Unavailable</html>");
        var outage = queueTemplate();
        dispatcher.dispatchOnce(Channel.WHATSAPP);
        assertThat(reads.find(outage).orElseThrow()).satisfies(row -> {
            assertThat(row.status()).isEqualTo(MessageStatus.QUEUED);
            assertThat(row.errorCode()).isEqualTo("HTTP_503");
        });
        // a timeout is not retried at once: it may have been sent (InFlightSendTest)
    }

    @Test
    void retriesEndAfterTheMaximumNumberOfAttempts() {
        failWith(503, "");
        var id = queueTemplate();
        jdbc.sql("update message set attempts = 7 where id = ?").param(id).update();

        dispatcher.dispatchOnce(Channel.WHATSAPP);

        assertThat(reads.find(id).orElseThrow().status()).isEqualTo(MessageStatus.FAILED);
    }

    @Test
    void undeliverableOnWhatsAppFallsBackToSms() {
        grant(Channel.SMS, Purpose.TRANSACTIONAL);
        failWith(400, metaError(131026, "Message undeliverable"));
        var id = queueTemplate();

        dispatcher.dispatchOnce(Channel.WHATSAPP);
        var original = reads.find(id).orElseThrow();
        assertThat(original.status()).isEqualTo(MessageStatus.FAILED);
        var fallbackId = original.fallbackMessageId();
        assertThat(fallbackId).isNotNull();

        dispatcher.dispatchOnce(Channel.SMS);

        var credentials = Base64.getEncoder().encodeToString("ACtest:sms-token".getBytes(StandardCharsets.UTF_8));
        PROVIDER.verify(postRequestedFor(urlEqualTo(TWILIO))
                .withHeader("Authorization", equalTo("Basic " + credentials))
                .withFormParam("To", equalTo(phone))
                .withFormParam("Body", equalTo("Hola Sara, tu pedido 1001 va en camino."))
                .withFormParam(
                        "StatusCallback", equalTo("https://shop.example/webhooks/sms/status?messageId=" + fallbackId)));
        var fallback = reads.find(fallbackId).orElseThrow();
        assertThat(fallback.status()).isEqualTo(MessageStatus.SENT);
        assertThat(fallback.fallbackOf()).isEqualTo(id);
    }

    @Test
    void aMarketingOptOutAtMetaWithdrawsConsent() {
        failWith(
                400,
                metaError(
                        131050,
                        "Unable to deliver the message. This recipient has chosen to stop receiving marketing messages"));
        var id = queueMarketing();

        dispatcher.dispatchOnce(Channel.WHATSAPP);

        assertThat(reads.find(id).orElseThrow().status()).isEqualTo(MessageStatus.FAILED);
        assertThat(consents.isGranted(customerId, Channel.WHATSAPP, Purpose.MARKETING))
                .isFalse();
    }

    @Test
    void aTokenBucketLeftInTheFutureByAClockRunningAheadDoesNotHoldSends() {
        jdbc.sql("insert into channel_pace (channel, next_free_at) values ('WHATSAPP', now() + interval '25 hours')"
                        + " on conflict (channel) do update set next_free_at = excluded.next_free_at")
                .update();
        var id = queueTemplate();

        dispatcher.dispatchOnce(Channel.WHATSAPP);

        assertThat(reads.find(id).orElseThrow().status()).isEqualTo(MessageStatus.SENT);
        assertThat(jdbc.sql(
                                "select next_free_at <= now() + interval '1 second' from channel_pace where channel = 'WHATSAPP'")
                        .query(Boolean.class)
                        .single())
                .as("the bucket is back on this clock")
                .isTrue();
    }

    @Test
    void anExpiredTokenIsFinal() {
        failWith(401, "{\"error\": " + Fixtures.text("error_object_190_expired_token.json") + "}");
        var id = queueTemplate();

        dispatcher.dispatchOnce(Channel.WHATSAPP);

        assertThat(reads.find(id).orElseThrow()).satisfies(row -> {
            assertThat(row.status()).isEqualTo(MessageStatus.FAILED);
            assertThat(row.errorCode()).isEqualTo("190");
        });
    }

    @Test
    void thePairRateLimitBacksOffFourToTheN() {
        failWith(400, metaError(131056, "(Business Account, Consumer Account) pair rate limit hit"));
        var id = queueTemplate();

        dispatcher.dispatchOnce(Channel.WHATSAPP);
        assertThat(reads.find(id).orElseThrow().nextAttemptAt())
                .isBetween(Instant.now(), Instant.now().plusSeconds(2));

        makeDue(id);
        jdbc.sql("delete from recipient_pace where phone = ?").param(phone).update();
        dispatcher.dispatchOnce(Channel.WHATSAPP);
        assertThat(reads.find(id).orElseThrow().nextAttemptAt())
                .isBetween(Instant.now().plusSeconds(3), Instant.now().plusSeconds(5));
    }

    @Test
    void aWithdrawalBeforeSendingCancelsTheMessageUnsent() {
        var id = queueMarketing();
        consents.record(
                customerId,
                Channel.WHATSAPP,
                Purpose.MARKETING,
                new ConsentChange(ConsentStatus.WITHDRAWN, "account-settings", null));

        dispatcher.dispatchOnce(Channel.WHATSAPP);

        await().atMost(Duration.ofSeconds(5))
                .until(() -> reads.find(id).orElseThrow().status() == MessageStatus.CANCELLED);
        PROVIDER.verify(0, postRequestedFor(urlEqualTo(MESSAGES)));
    }

    /** The batch is re-checked together: each message against its own customer's consent and window. */
    @Test
    void aBatchIsRecheckedMessageByMessageWhenItsFactsAreReadTogether() {
        var otherPhone = MessagingFixtures.uniquePhone();
        var other = newCustomer(otherPhone);
        consents.record(
                other, Channel.WHATSAPP, Purpose.MARKETING, new ConsentChange(ConsentStatus.GRANTED, "test", null));
        openWindow(phone, Instant.now().minus(Duration.ofHours(1)));
        openWindow(otherPhone, Instant.now().minus(Duration.ofHours(1)));
        var withdrawn = queueMarketing();
        var answer = queueText(customerId);
        var going = queueMarketingTo(other);
        var late = queueText(other);
        consents.record(
                customerId,
                Channel.WHATSAPP,
                Purpose.MARKETING,
                new ConsentChange(ConsentStatus.WITHDRAWN, "account-settings", null));
        openWindow(otherPhone, Instant.now().minus(Duration.ofHours(25))); // the other's window closed meanwhile

        dispatcher.dispatchOnce(Channel.WHATSAPP);

        assertThat(reads.find(withdrawn).orElseThrow().status()).isEqualTo(MessageStatus.CANCELLED);
        assertThat(reads.find(answer).orElseThrow().status()).isEqualTo(MessageStatus.SENT);
        assertThat(reads.find(going).orElseThrow().status()).isEqualTo(MessageStatus.SENT);
        assertThat(reads.find(late).orElseThrow()).satisfies(row -> {
            assertThat(row.status()).isEqualTo(MessageStatus.FAILED);
            assertThat(row.errorCode()).isEqualTo("SERVICE_WINDOW_CLOSED");
        });
        PROVIDER.verify(2, postRequestedFor(urlEqualTo(MESSAGES)));
    }

    @Test
    void freeFormIsNotSentOnceTheWindowHasClosed() {
        openWindow(Instant.now().minus(Duration.ofHours(1)));
        var id = messaging
                .send(new SendCommand(
                        customerId,
                        Purpose.TRANSACTIONAL,
                        Channel.WHATSAPP,
                        new OutboundContent.Text("Still there?", false),
                        null))
                .messageId();
        openWindow(Instant.now().minus(Duration.ofHours(25)));
        jdbc.sql("update service_window set last_inbound_at = ? where phone = ?")
                .param(Timestamp.from(Instant.now().minus(Duration.ofHours(25))))
                .param(phone)
                .update();

        dispatcher.dispatchOnce(Channel.WHATSAPP);

        assertThat(reads.find(UUID.fromString(id)).orElseThrow()).satisfies(row -> {
            assertThat(row.status()).isEqualTo(MessageStatus.FAILED);
            assertThat(row.errorCode()).isEqualTo("SERVICE_WINDOW_CLOSED");
        });
        PROVIDER.verify(0, postRequestedFor(urlEqualTo(MESSAGES)));
    }

    @Test
    void aSecondMessageToOneRecipientWaitsForThePairGap() {
        var first = queueTemplate();
        var second = queueTemplate();

        dispatcher.dispatchOnce(Channel.WHATSAPP);

        var statuses =
                List.of(reads.find(first).orElseThrow(), reads.find(second).orElseThrow());
        assertThat(statuses)
                .extracting(MessageRow::status)
                .containsExactlyInAnyOrder(MessageStatus.SENT, MessageStatus.QUEUED);
        var waiting = statuses.stream()
                .filter(row -> row.status() == MessageStatus.QUEUED)
                .findFirst()
                .orElseThrow();
        assertThat(waiting.nextAttemptAt())
                .isBetween(Instant.now().plusSeconds(5), Instant.now().plusSeconds(7));
        assertThat(waiting.attempts()).isZero();
        PROVIDER.verify(1, postRequestedFor(urlEqualTo(MESSAGES)));
    }

    @Test
    void twoDispatchersRacingOnOneDatabaseSendEachMessageOnce() throws Exception {
        var ids = new ArrayList<UUID>();
        for (int i = 0; i < 200; i++) {
            ids.add(queueTemplateTo(MessagingFixtures.uniquePhone()));
        }
        var running = new AtomicBoolean(true);
        try (var instances = Executors.newFixedThreadPool(2)) {
            for (int instance = 0; instance < 2; instance++) {
                instances.submit(() -> {
                    while (running.get()) {
                        dispatcher.dispatchOnce(Channel.WHATSAPP);
                    }
                });
            }
            try {
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> ids.stream()
                                .allMatch(id -> reads.find(id).orElseThrow().status() == MessageStatus.SENT));
            } finally {
                running.set(false); // also when the wait failed: the two loops must end for the test to end
            }
        }

        var requests = PROVIDER.findAll(postRequestedFor(urlEqualTo(MESSAGES)));
        var callbackIds = new HashSet<String>();
        requests.forEach(request -> callbackIds.add(Fixtures.parse(request.getBodyAsString())
                .path("biz_opaque_callback_data")
                .asString()));
        assertThat(requests).hasSize(200);
        assertThat(callbackIds).hasSize(200);
    }

    @Test
    void aSendInterruptedByACrashIsSentAgainOnceAfterTheTimeout() {
        var id = queueTemplate();
        lifecycle.claimDue(Channel.WHATSAPP, 10, Instant.now()); // the instance died right after claiming
        jdbc.sql("update message set sending_since = ? where id = ?")
                .param(Timestamp.from(Instant.now().minus(Duration.ofMinutes(11))))
                .param(id)
                .update();

        dispatcher.requeueStuckSends();
        dispatcher.dispatchOnce(Channel.WHATSAPP);

        assertThat(reads.find(id).orElseThrow().status()).isEqualTo(MessageStatus.SENT);
        PROVIDER.verify(
                1,
                postRequestedFor(urlEqualTo(MESSAGES))
                        .withRequestBody(matchingJsonPath("$.biz_opaque_callback_data", equalTo(id.toString()))));
    }

    @Test
    void aRestartedInstanceGivesTheProvidersRetriedWebhooksASendingTimeoutBeforeItRequeues() {
        var id = queueTemplate();
        lifecycle.claimDue(Channel.WHATSAPP, 10, Instant.now()); // left sending by an instance down for 11 minutes
        jdbc.sql("update message set sending_since = ? where id = ?")
                .param(Timestamp.from(Instant.now().minus(Duration.ofMinutes(11))))
                .param(id)
                .update();
        var restarted = new Dispatcher(lifecycle, pacing, sender, transaction, properties, clock);
        try {
            restarted.resolveStuckSends();
            assertThat(reads.find(id).orElseThrow().status())
                    .as("Meta's retried webhook may still come")
                    .isEqualTo(MessageStatus.SENDING);

            clock.advance(properties.dispatcher().sendingTimeout());
            restarted.resolveStuckSends();
            assertThat(reads.find(id).orElseThrow().status()).isEqualTo(MessageStatus.QUEUED);
        } finally {
            clock.reset();
        }
    }

    @Test
    void aCrashAfterMetaAcceptedIsNotResentOnceItsStatusArrived() {
        var id = queueTemplate();
        lifecycle.claimDue(Channel.WHATSAPP, 10, Instant.now());
        // Meta accepted it and said so by webhook, carrying our id; we never recorded the answer
        ledger.applyStatuses(
                List.of(new StatusReport(
                        "wamid.CRASH" + id, id, MessageStatus.SENT, Instant.now(), null, null, null, null)),
                Instant.now());
        jdbc.sql("update message set sending_since = ? where id = ?")
                .param(Timestamp.from(Instant.now().minus(Duration.ofMinutes(11))))
                .param(id)
                .update();

        dispatcher.requeueStuckSends();
        dispatcher.dispatchOnce(Channel.WHATSAPP);

        assertThat(reads.find(id).orElseThrow().status()).isEqualTo(MessageStatus.SENT);
        PROVIDER.verify(0, postRequestedFor(urlPathEqualTo(MESSAGES)).withRequestBody(containing(id.toString())));
    }

    /**
     * Issue 9, finding 7: a campaign's send whose consent check passed just before the customer's STOP must
     * reach Meta before the STOP is answered, and nothing of its kind after. The sender is held between its
     * check and its call (the recipient's pair-gap row is locked) until the withdrawal has committed.
     */
    @Test
    void aStopIsAnsweredOnlyOnceTheMarketingInFlightHasReachedMetaAndNoneFollows(
            @Autowired MockMvcTester mvc,
            @Autowired WhatsAppSecrets secrets,
            @Autowired org.springframework.transaction.support.TransactionTemplate transaction)
            throws Exception {
        PROVIDER.stubFor(post(urlEqualTo(MESSAGES))
                .withRequestBody(matchingJsonPath("$.template.name", equalTo("new_product")))
                .willReturn(
                        aResponse() // a slow Meta; a fixed body, as templating is slow on a cold, loaded machine
                                .withFixedDelay(300)
                                .withStatus(200)
                                .withHeader("Content-Type", "application/json")
                                .withBody(
                                        "{\"messaging_product\": \"whatsapp\", \"messages\": [{\"id\": \"wamid.STOPRACE%s\"}]}"
                                                .formatted(UUID.randomUUID()))));
        // a first send warms the HTTP client and the stand-in: on a loaded machine a cold first answer can take
        // longer than the 3 s timeout, and this send's outcome is part of what is asserted
        queueTemplateTo(newCustomer());
        dispatcher.dispatchOnce(Channel.WHATSAPP);
        var inFlight = queueMarketing();
        var queued = queueMarketing();
        jdbc.sql("update message set next_attempt_at = now() + interval '1 hour' where id = ?")
                .param(queued)
                .update();
        jdbc.sql("insert into recipient_pace (phone, last_sent_at) values (?, now() - interval '1 day')")
                .param(phone)
                .update();
        var stopAnsweredAt = new java.util.concurrent.atomic.AtomicReference<Instant>();
        var locked = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        try (var threads = Executors.newFixedThreadPool(3)) {
            threads.submit(() -> transaction.executeWithoutResult(status -> {
                jdbc.sql("select 1 from recipient_pace where phone = ? for update")
                        .param(phone)
                        .query(Integer.class)
                        .single();
                locked.countDown();
                awaitQuietly(release);
            }));
            locked.await();
            var dispatched = threads.submit(() -> dispatcher.dispatchOnce(Channel.WHATSAPP));
            // the sender checked consent and now waits for the pair-gap row, right before its call to Meta
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> jdbc.sql("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                                            + " and query like '%recipient_pace%' and pid <> pg_backend_pid()")
                                    .query(Integer.class)
                                    .single()
                            > 0);
            var stop = threads.submit(() -> {
                var body = MessagingFixtures.fixture("webhook_message_text.json", phone, "STOP" + UUID.randomUUID())
                        .replace("Does it come in another color?", "STOP")
                        .replace("1749416383", String.valueOf(Instant.now().getEpochSecond()));
                var answer = MessagingFixtures.postWhatsApp(mvc, secrets, body);
                stopAnsweredAt.set(Instant.now());
                return answer.getResponse().getStatus();
            });
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !consents.isGranted(customerId, Channel.WHATSAPP, Purpose.MARKETING));
            release.countDown(); // the sender goes on: its check passed before the withdrawal
            assertThat(stop.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(200);
            dispatched.get(30, java.util.concurrent.TimeUnit.SECONDS);
        }

        var marketing = PROVIDER.findAll(postRequestedFor(urlEqualTo(MESSAGES))
                .withRequestBody(matchingJsonPath("$.template.name", equalTo("new_product"))));
        assertThat(marketing).hasSize(1);
        assertThat(marketing.getFirst().getLoggedDate().toInstant())
                .as("the in-flight send reached Meta before the STOP was answered")
                .isBefore(stopAnsweredAt.get());
        assertThat(reads.find(inFlight).orElseThrow().status()).isEqualTo(MessageStatus.SENT);
        assertThat(reads.find(queued).orElseThrow().status()).isEqualTo(MessageStatus.CANCELLED);
        makeDue(queued);
        dispatcher.dispatchOnce(Channel.WHATSAPP);
        dispatcher.dispatchOnce(Channel.WHATSAPP);
        PROVIDER.verify(
                1,
                postRequestedFor(urlEqualTo(MESSAGES))
                        .withRequestBody(matchingJsonPath("$.template.name", equalTo("new_product"))));
    }

    private static void awaitQuietly(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private UUID queueTemplate() {
        return queueTemplateTo(customerId);
    }

    private UUID queueTemplateTo(String customerOrPhone) {
        var target = customerOrPhone.startsWith("+") ? newCustomer(customerOrPhone) : customerOrPhone;
        return UUID.fromString(messaging
                .send(new SendCommand(
                        target,
                        Purpose.TRANSACTIONAL,
                        Channel.WHATSAPP,
                        new OutboundContent.Template("order_shipped", Map.of("orderId", "1001")),
                        null))
                .messageId());
    }

    private UUID queueMarketing() {
        return queueMarketingTo(customerId);
    }

    private UUID queueText(String customer) {
        return UUID.fromString(messaging
                .send(new SendCommand(
                        customer,
                        Purpose.TRANSACTIONAL,
                        Channel.WHATSAPP,
                        new OutboundContent.Text("Your parcel is at the door", false),
                        null))
                .messageId());
    }

    private UUID queueMarketingTo(String customer) {
        return UUID.fromString(messaging
                .send(new SendCommand(
                        customer,
                        Purpose.MARKETING,
                        Channel.WHATSAPP,
                        new OutboundContent.Template(
                                "new_product",
                                Map.of("productName", "Runner X", "productUrl", "https://shop.example/p/x")),
                        null))
                .messageId());
    }

    private String newCustomer() {
        return newCustomer(MessagingFixtures.uniquePhone());
    }

    private String newCustomer(String number) {
        var id = uniqueId("c");
        customers.upsert(id, new CustomerDetails(number, "Sara", null, null, "es", null, null, List.of(), Map.of()));
        consents.record(
                id, Channel.WHATSAPP, Purpose.TRANSACTIONAL, new ConsentChange(ConsentStatus.GRANTED, "test", null));
        return id;
    }

    private void grant(Channel channel, Purpose purpose) {
        consents.record(customerId, channel, purpose, new ConsentChange(ConsentStatus.GRANTED, "test", null));
    }

    private void openWindow(Instant lastInbound) {
        openWindow(phone, lastInbound);
    }

    private void openWindow(String phone, Instant lastInbound) {
        jdbc.sql("insert into service_window (channel, phone, last_inbound_at) values ('WHATSAPP', ?, ?)"
                        + " on conflict (channel, phone) do update set last_inbound_at = excluded.last_inbound_at")
                .param(phone)
                .param(Timestamp.from(lastInbound))
                .update();
    }

    private void makeDue(UUID id) {
        jdbc.sql("update message set next_attempt_at = now() where id = ?")
                .param(id)
                .update();
    }

    private static void failWith(int status, String body) {
        PROVIDER.stubFor(post(urlEqualTo(MESSAGES))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody(body)));
    }

    private static String metaError(int code, String title) {
        return """
                {"error": {"message": "(#%d) %s", "type": "OAuthException", "code": %d,
                           "error_data": {"messaging_product": "whatsapp", "details": "%s"}, "fbtrace_id": "A"}}""".formatted(code, title, code, title);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder accepted() {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"messaging_product\": \"whatsapp\", \"contacts\": [{\"input\": \"x\", \"wa_id\": \"x\"}],"
                        + " \"messages\": [{\"id\": \"wamid.{{randomValue length=24 type='ALPHANUMERIC'}}\"}]}")
                .withTransformers("response-template");
    }

    private static WireMockServer startProvider() {
        var server = new WireMockServer(options().dynamicPort().templatingEnabled(true));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }
}
