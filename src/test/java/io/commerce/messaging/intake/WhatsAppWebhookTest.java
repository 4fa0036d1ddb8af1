package io.commerce.messaging.intake;

import static io.commerce.Api.get;
import static io.commerce.Api.json;
import static io.commerce.Api.uniqueId;
import static io.commerce.messaging.MessagingFixtures.consent;
import static io.commerce.messaging.MessagingFixtures.customer;
import static io.commerce.messaging.MessagingFixtures.fixture;
import static io.commerce.messaging.MessagingFixtures.postWhatsApp;
import static io.commerce.messaging.MessagingFixtures.uniquePhone;
import static org.assertj.core.api.Assertions.assertThat;

import io.commerce.IntegrationTest;
import io.commerce.consent.ConsentService;
import io.commerce.messaging.InboundMessagesReceived;
import io.commerce.messaging.MessageDelivered;
import io.commerce.messaging.MessageFailed;
import io.commerce.messaging.MessageRead;
import io.commerce.messaging.MessageStatus;
import io.commerce.messaging.channel.StatusReport;
import io.commerce.messaging.outbox.MessageReads;
import io.commerce.messaging.outbox.SendLifecycle;
import io.commerce.messaging.outbox.StatusLedger;
import io.commerce.messaging.whatsapp.WhatsAppSecrets;
import io.commerce.shared.Channel;
import io.commerce.shared.Purpose;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
class WhatsAppWebhookTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    WhatsAppSecrets secrets;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageReads reads;

    @Autowired
    SendLifecycle lifecycle;

    @Autowired
    StatusLedger ledger;

    @Autowired
    ConsentService consents;

    @Autowired
    ApplicationEvents events;

    @Autowired
    StatusUpdates statusUpdates;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;

    @Autowired
    MeterRegistry meters;

    String customerId;
    String phone;
    String suffix;

    @BeforeEach
    void customerWithConsent() {
        customerId = uniqueId("c");
        phone = uniquePhone();
        suffix = UUID.randomUUID().toString().substring(0, 8);
        customer(mvc, customerId, phone, "en");
        consent(mvc, customerId, "whatsapp", "marketing", "granted");
        consent(mvc, customerId, "whatsapp", "transactional", "granted");
    }

    @Test
    void handshakeEchoesTheChallengeOnlyForTheVerifyToken() {
        assertThat(mvc.get()
                        .uri(
                                "/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token={t}&hub.challenge=1158201444",
                                secrets.verifyToken()))
                .hasStatusOk()
                .hasContentTypeCompatibleWith(MediaType.TEXT_PLAIN)
                .hasBodyTextEqualTo("1158201444");
        assertThat(mvc.get().uri("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/webhooks/whatsapp")).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void aBadOrMissingSignatureIs401AndNothingIsProcessed() {
        var before = deliveries();
        var body = fixture("webhook_message_text.json", phone, suffix);

        assertThat(postWronglySigned(body))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("INVALID_SIGNATURE");
        assertThat(mvc.post()
                        .uri("/webhooks/whatsapp")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(deliveries()).isEqualTo(before);
        assertThat(inboundFrom(phone)).isZero();
    }

    @Test
    void deliveriesAreMeasuredByTheWebhookMetersRefusedOnesIncludedAndNotAsHttpRequests() {
        var rejected = meters.counter("messaging.webhooks", "provider", "whatsapp", "outcome", "rejected");
        var processed = meters.counter("messaging.webhooks", "provider", "whatsapp", "outcome", "processed");
        var rejectedBefore = rejected.count();
        var processedBefore = processed.count();
        var body = fixture("webhook_message_text.json", phone, suffix);

        assertThat(postWronglySigned(body)).hasStatus(HttpStatus.UNAUTHORIZED);
        postWhatsApp(mvc, secrets, body);

        assertThat(rejected.count()).isEqualTo(rejectedBefore + 1);
        assertThat(processed.count()).isEqualTo(processedBefore + 1);
        var observedUris = meters.find("http.server.requests").timers().stream()
                .map(timer -> timer.getId().getTag("uri"))
                .toList();
        assertThat(observedUris).as("the API's requests are observed").anyMatch(uri -> uri.startsWith("/api/"));
        assertThat(observedUris).noneMatch(uri -> uri.startsWith("/webhooks/"));
    }

    private MvcTestResult postWronglySigned(String body) {
        return mvc.post()
                .uri("/webhooks/whatsapp")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .header("X-Hub-Signature-256", "sha256=" + "0".repeat(64))
                .exchange();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "webhook_message_text.json",
                "webhook_message_text_referred_product.json",
                "webhook_message_referral.json",
                "webhook_message_image.json",
                "webhook_message_document.json",
                "webhook_message_audio_voice.json",
                "webhook_message_location.json",
                "webhook_message_reaction.json",
                "webhook_message_order.json",
                "webhook_message_button_reply.json",
                "webhook_message_button_reply_from_send_guide.json",
                "webhook_message_list_reply.json",
                "webhook_message_list_reply_from_send_guide.json",
                "webhook_message_template_quick_reply_button.json",
                "webhook_message_system_user_changed_number.json",
                "webhook_message_unsupported.json"
            })
    void everyInboundTypeOfMetasReferenceIsStoredOnTheConversation(String name) {
        var type = Fixtures.typeOf(name);

        assertThat(postWhatsApp(mvc, secrets, fixture(name, phone, suffix))).hasStatusOk();

        var stored = jdbc.sql("select type, customer_id from inbound_message where sender = ?")
                .param(phone)
                .query()
                .singleRow();
        assertThat(stored.get("type")).isEqualTo(type);
        assertThat(stored.get("customer_id")).isEqualTo(customerId);
        assertThat(get(mvc, "/api/v1/customers/" + customerId + "/conversation"))
                .bodyJson()
                .extractingPath("$[0].direction")
                .isEqualTo("inbound");
    }

    @Test
    void inboundContentIsReadForEachType() {
        postWhatsApp(mvc, secrets, fixture("webhook_message_list_reply.json", phone, suffix));
        postWhatsApp(mvc, secrets, fixture("webhook_message_template_quick_reply_button.json", phone, suffix + "b"));

        var rows = jdbc.sql("select type, text, reply_payload from inbound_message where sender = ? order by id")
                .param(phone)
                .query()
                .listOfRows();
        assertThat(rows.get(0)).containsEntry("type", "interactive").containsEntry("reply_payload", "priority_express");
        assertThat(rows.get(1)).containsEntry("type", "button").containsEntry("reply_payload", "Unsubscribe");
    }

    @Test
    void duplicateDeliveriesOfAnInboundMessageChangeNothing() {
        var body = fixture("webhook_message_text.json", phone, suffix);
        postWhatsApp(mvc, secrets, body);
        postWhatsApp(mvc, secrets, body);

        assertThat(inboundFrom(phone)).isEqualTo(1);
        assertThat(events.stream(InboundMessagesReceived.class).flatMap(batch -> batch.messages().stream()))
                .hasSize(1);
    }

    @Test
    void messagesFromUnknownNumbersAreKeptWithoutACustomer() {
        var stranger = uniquePhone();
        postWhatsApp(mvc, secrets, fixture("webhook_message_text.json", stranger, suffix));

        assertThat(jdbc.sql("select customer_id from inbound_message where sender = ?")
                        .param(stranger)
                        .query()
                        .singleRow()
                        .get("customer_id"))
                .isNull();
        assertThat(jdbc.sql("select count(*) from customer where phone = ?")
                        .param(stranger)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void anInboundMessageOpensTheServiceWindowForFreeForm() {
        var text =
                "{\"customerId\": \"%s\", \"purpose\": \"transactional\", \"channel\": \"whatsapp\", \"text\": \"Hi!\"}"
                        .formatted(customerId);
        assertThat(json(mvc, HttpMethod.POST, "/api/v1/messages", text))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("SERVICE_WINDOW_CLOSED");

        postWhatsApp(
                mvc,
                secrets,
                fixture("webhook_message_text.json", phone, suffix).replace("1749416383", now()));

        assertThat(json(mvc, HttpMethod.POST, "/api/v1/messages", text)).hasStatus(HttpStatus.ACCEPTED);
    }

    @Test
    void anOldInboundMessageDoesNotOpenTheWindow() {
        postWhatsApp(mvc, secrets, fixture("webhook_message_text.json", phone, suffix)); // 2023 timestamp

        assertThat(json(mvc, HttpMethod.POST, "/api/v1/messages", """
                {"customerId": "%s", "purpose": "transactional", "channel": "whatsapp", "text": "Hi!"}""".formatted(customerId)))
                .hasStatus(HttpStatus.CONFLICT);
    }

    @Test
    void aReplyIsLinkedToOurMessageAndPublished() {
        var sent = sentTemplate("wamid.OURS" + suffix);
        var body = Fixtures.withContext(
                fixture("webhook_message_button_reply.json", phone, suffix), "wamid.OURS" + suffix);

        postWhatsApp(mvc, secrets, body);

        assertThat(events.stream(InboundMessagesReceived.class).flatMap(batch -> batch.messages().stream()))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.repliedTo()).isEqualTo(sent.toString());
                    assertThat(event.customerId()).isEqualTo(customerId);
                    assertThat(event.keyword()).isFalse();
                });
    }

    @Test
    void statusesMoveForwardOnlyAndDuplicatesChangeNothing() {
        var id = sentTemplate("wamid.S" + suffix);
        var read = status("webhook_status_read.json", "wamid.S" + suffix);
        var delivered = status("webhook_status_delivered.json", "wamid.S" + suffix);

        assertThat(postWhatsApp(mvc, secrets, read)).hasStatusOk();
        assertThat(postWhatsApp(mvc, secrets, delivered)).hasStatusOk();
        assertThat(postWhatsApp(mvc, secrets, read)).hasStatusOk();

        assertThat(reads.find(id).orElseThrow().status()).isEqualTo(MessageStatus.READ);
        assertThat(events.stream(MessageRead.class)).hasSize(1);
        assertThat(events.stream(MessageDelivered.class)).isEmpty();
        assertThat(history(id)).containsExactly("QUEUED", "SENT", "READ");
    }

    @Test
    void deliveredAndReadForOneMessageInOneBatchAreBothKeptInOrder() {
        var id = sentTemplate("wamid.B" + suffix);
        var delivered = new StatusReport(
                "wamid.B" + suffix, null, MessageStatus.DELIVERED, Instant.now(), null, null, null, "utility");
        var read =
                new StatusReport("wamid.B" + suffix, null, MessageStatus.READ, Instant.now(), null, null, null, null);

        transaction.executeWithoutResult(status -> statusUpdates.collecting(() -> {
            statusUpdates.apply(delivered);
            statusUpdates.apply(read);
        }));

        assertThat(reads.find(id).orElseThrow().status()).isEqualTo(MessageStatus.READ);
        assertThat(history(id)).containsExactly("QUEUED", "SENT", "DELIVERED", "READ");
    }

    @Test
    void concurrentDeliveriesAreAllAppliedWhenTheyShareTransactions() throws Exception {
        var ids = new java.util.ArrayList<UUID>();
        for (int i = 0; i < 40; i++) {
            ids.add(sentTemplate("wamid.C" + i + suffix));
        }
        try (var senders = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 40; i++) {
                var body = status("webhook_status_delivered.json", "wamid.C" + i + suffix);
                senders.submit(() -> postWhatsApp(mvc, secrets, body));
            }
        }

        assertThat(ids)
                .allSatisfy(
                        id -> assertThat(reads.find(id).orElseThrow().status()).isEqualTo(MessageStatus.DELIVERED));
    }

    @Test
    void pricingFromTheStatusIsKept() {
        var id = sentTemplate("wamid.P" + suffix);
        postWhatsApp(mvc, secrets, status("webhook_status_sent.json", "wamid.P" + suffix));

        assertThat(reads.find(id).orElseThrow().pricingCategory()).isEqualTo("marketing");
    }

    @Test
    void aStatusFindsItsMessageByOurIdWhenItArrivesBeforeTheSendWasRecorded() {
        var id = queuedTemplate();
        lifecycle.claimDue(Channel.WHATSAPP, 1000, Instant.now());
        var body = status("webhook_status_sent_v24_minimal.json", "wamid.EARLY" + suffix)
                .replace("\"status\": \"sent\"", "\"status\": \"sent\", \"biz_opaque_callback_data\": \"" + id + "\"");

        postWhatsApp(mvc, secrets, body);

        var row = reads.find(id).orElseThrow();
        assertThat(row.status()).isEqualTo(MessageStatus.SENT);
        assertThat(row.providerMessageId()).isEqualTo("wamid.EARLY" + suffix);
        assertThat(lifecycle.markAllSent(List.of(id), List.of("wamid.EARLY" + suffix), Instant.now()))
                .isEmpty();
    }

    @Test
    void failedIsFinalAndA131049FailureIsRetriedIn24Hours() {
        var id = sentTemplate("wamid.F" + suffix);
        postWhatsApp(mvc, secrets, status("webhook_status_failed.json", "wamid.F" + suffix));
        postWhatsApp(mvc, secrets, status("webhook_status_delivered.json", "wamid.F" + suffix));

        var failed = reads.find(id).orElseThrow();
        assertThat(failed.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(failed.errorCode()).isEqualTo("131049");
        assertThat(events.stream(MessageFailed.class))
                .singleElement()
                .extracting(MessageFailed::errorCode)
                .isEqualTo("131049");
        var retry = jdbc.sql("select status, next_attempt_at from message where retry_of = ?")
                .param(id)
                .query()
                .singleRow();
        assertThat(retry.get("status")).isEqualTo("QUEUED");
        assertThat(((java.sql.Timestamp) retry.get("next_attempt_at")).toInstant())
                .isAfter(Instant.now().plusSeconds(23 * 3600));
    }

    @Test
    void a131050FailureWithdrawsMarketingConsent() {
        sentTemplate("wamid.O" + suffix);
        postWhatsApp(
                mvc,
                secrets,
                status("webhook_status_failed.json", "wamid.O" + suffix).replace("131049", "131050"));

        assertThat(consents.isGranted(customerId, Channel.WHATSAPP, Purpose.MARKETING))
                .isFalse();
    }

    @Test
    void a131026FailureFallsBackToSmsWhenAllowed() {
        consent(mvc, customerId, "sms", "transactional", "granted");
        var id = sentTemplate("wamid.U" + suffix);

        postWhatsApp(
                mvc,
                secrets,
                status("webhook_status_failed.json", "wamid.U" + suffix).replace("131049", "131026"));

        var original = reads.find(id).orElseThrow();
        assertThat(original.fallbackMessageId()).isNotNull();
        var fallback = reads.find(original.fallbackMessageId()).orElseThrow();
        assertThat(fallback.channel()).isEqualTo(Channel.SMS);
        assertThat(fallback.status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(fallback.fallbackOf()).isEqualTo(id);
        assertThat(fallback.smsText()).contains("1001");
    }

    @Test
    void noFallbackWithoutSmsConsent() {
        var id = sentTemplate("wamid.N" + suffix);
        postWhatsApp(
                mvc,
                secrets,
                status("webhook_status_failed.json", "wamid.N" + suffix).replace("131049", "131026"));

        assertThat(reads.find(id).orElseThrow().fallbackMessageId()).isNull();
    }

    @Test
    void userPreferencesStopAndResumeMarketing() {
        var resume = fixture("webhook_user_preferences_resume.json", phone, suffix);
        postWhatsApp(mvc, secrets, resume.replace("\"resume\"", "\"stop\""));
        assertThat(consents.isGranted(customerId, Channel.WHATSAPP, Purpose.MARKETING))
                .isFalse();

        postWhatsApp(mvc, secrets, resume);
        assertThat(consents.isGranted(customerId, Channel.WHATSAPP, Purpose.MARKETING))
                .isTrue();
    }

    @Test
    void anOptOutKeywordWithdrawsMarketingAndConfirmsInTheCustomersLanguage() {
        var spanish = uniqueId("c");
        var spanishPhone = uniquePhone();
        customer(mvc, spanish, spanishPhone, "es");
        consent(mvc, spanish, "whatsapp", "marketing", "granted");

        postWhatsApp(
                mvc,
                secrets,
                fixture("webhook_message_text.json", spanishPhone, suffix)
                        .replace("Does it come in another color?", "BAJA")
                        .replace("1749416383", now()));

        assertThat(consents.isGranted(spanish, Channel.WHATSAPP, Purpose.MARKETING))
                .isFalse();
        assertThat(get(mvc, "/api/v1/customers/" + spanish + "/consents"))
                .bodyJson()
                .extractingPath("$.current[0].source")
                .isEqualTo("whatsapp-keyword");
        var confirmation = reads.byCustomer(spanish).getFirst();
        assertThat(confirmation.templateKey()).isEqualTo("optout_confirmation");
        assertThat(confirmation.smsText()).startsWith("Ya no recibirás");
    }

    @Test
    void anAccountLevelErrorIsCountedForOps(@Autowired io.micrometer.core.instrument.MeterRegistry registry) {
        var counter = registry.counter("messaging.provider.errors", "provider", "whatsapp", "code", "130429");
        var before = counter.count();

        assertThat(postWhatsApp(mvc, secrets, Fixtures.text("webhook_errors_value_level_130429.json")))
                .hasStatusOk();

        assertThat(counter.count()).isEqualTo(before + 1);
    }

    @Test
    void payloadsItDoesNotUnderstandAreStoredAndAnswered200() {
        var before = deliveries();
        assertThat(postWhatsApp(mvc, secrets, Fixtures.text("webhook_errors_value_level_130429.json")))
                .hasStatusOk();
        assertThat(postWhatsApp(
                        mvc,
                        secrets,
                        "{\"object\":\"page\",\"entry\":[{\"changes\":[{\"field\":\"feed\",\"value\":{}}]}]}"))
                .hasStatusOk();
        assertThat(postWhatsApp(
                        mvc,
                        secrets,
                        "{\"entry\": [{\"changes\": [{\"field\": \"messages\", \"value\": {\"messages\": "
                                + "[{\"id\": \"wamid.X" + suffix + "\", \"from\": \"" + phone.substring(1)
                                + "\", \"type\": \"hologram\"}]}}]}]}"))
                .hasStatusOk();
        assertThat(postWhatsApp(mvc, secrets, "{not json")).hasStatusOk();

        assertThat(deliveries()).isEqualTo(before + 4);
        assertThat(jdbc.sql("select count(*) from webhook_delivery where payload = '{not json' and error is not null")
                        .query(Long.class)
                        .single())
                .isPositive();
        assertThat(jdbc.sql("select type from inbound_message where provider_message_id = ?")
                        .param("wamid.X" + suffix)
                        .query(String.class)
                        .single())
                .isEqualTo("hologram");
    }

    private UUID queuedTemplate() {
        var result = json(mvc, HttpMethod.POST, "/api/v1/messages", """
                {"customerId": "%s", "purpose": "transactional", "channel": "whatsapp",
                 "template": {"key": "order_shipped", "params": {"orderId": "1001"}}}""".formatted(customerId))
                .exchange();
        assertThat(result).hasStatus(HttpStatus.ACCEPTED);
        return UUID.fromString(com.jayway.jsonpath.JsonPath.read(bodyOf(result), "$.messageId"));
    }

    /** A message as the dispatcher leaves it after Meta accepted it. */
    private UUID sentTemplate(String wamid) {
        var id = queuedTemplate();
        jdbc.sql("update message set status = 'SENDING' where id = ?").param(id).update();
        assertThat(lifecycle.markAllSent(List.of(id), List.of(wamid), Instant.now()))
                .hasSize(1);
        return id;
    }

    private String status(String fixture, String wamid) {
        return Fixtures.text(fixture).replaceAll("\"id\": \"wamid\\.[^\"]*\"", "\"id\": \"" + wamid + "\"");
    }

    private java.util.List<String> history(UUID id) {
        return ledger.history(id).stream().map(change -> change.status().name()).toList();
    }

    private long deliveries() {
        return jdbc.sql("select count(*) from webhook_delivery")
                .query(Long.class)
                .single();
    }

    private long inboundFrom(String sender) {
        return jdbc.sql("select count(*) from inbound_message where sender = ?")
                .param(sender)
                .query(Long.class)
                .single();
    }

    private static String now() {
        return String.valueOf(Instant.now().getEpochSecond());
    }

    private static String bodyOf(org.springframework.test.web.servlet.assertj.MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString();
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reading fixtures: their message type, and a context reply to one of our messages. */
    static final class Fixtures {
        static String text(String name) {
            return io.commerce.Fixtures.text(name);
        }

        static String typeOf(String name) {
            return io.commerce.Fixtures.json(name)
                    .path("entry")
                    .path(0)
                    .path("changes")
                    .path(0)
                    .path("value")
                    .path("messages")
                    .path(0)
                    .path("type")
                    .asString();
        }

        static String withContext(String body, String wamid) {
            return body.replaceAll(
                    "\"context\": \\{[^}]*\\}", "\"context\": {\"from\": \"15550783881\", \"id\": \"" + wamid + "\"}");
        }
    }
}
