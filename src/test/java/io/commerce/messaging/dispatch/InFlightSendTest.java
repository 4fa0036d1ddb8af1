package io.commerce.messaging.dispatch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.commerce.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.commerce.consent.ConsentChange;
import io.commerce.consent.ConsentService;
import io.commerce.consent.ConsentStatus;
import io.commerce.customer.CustomerDetails;
import io.commerce.customer.CustomerService;
import io.commerce.messaging.MessageStatus;
import io.commerce.messaging.MessagingFixtures;
import io.commerce.messaging.MessagingService;
import io.commerce.messaging.OutboundContent;
import io.commerce.messaging.SendCommand;
import io.commerce.messaging.channel.Signatures;
import io.commerce.messaging.outbox.MessageReads;
import io.commerce.messaging.outbox.SendLifecycle;
import io.commerce.messaging.sms.SmsSecrets;
import io.commerce.messaging.whatsapp.WhatsAppSecrets;
import io.commerce.shared.Channel;
import io.commerce.shared.Purpose;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Sends whose outcome is unknown (ADR 0006): the provider may have taken the message but we never heard its
 * answer, because the answer did not come back (read timeout, reset) or the process died before recording it.
 * Neither the Cloud API nor Twilio has an idempotency key, so such a message is never sent again at once: the
 * provider's status webhook, which carries our id, settles it; only a refused connection is retried at once.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class InFlightSendTest {

    private static final String MESSAGES = "/v24.0/106540352242922/messages";
    private static final String TWILIO = "/2010-04-01/Accounts/ACtest/Messages.json";
    private static final int PORT = freePort();
    private static WireMockServer provider = startProvider();

    @DynamicPropertySource
    static void liveChannelsOnWireMock(DynamicPropertyRegistry registry) {
        registry.add("commerce.messaging.whatsapp.access-token", () -> "test-token");
        registry.add("commerce.messaging.whatsapp.api-base-url", () -> "http://127.0.0.1:" + PORT);
        registry.add("commerce.messaging.whatsapp.phone-number-id", () -> "106540352242922");
        registry.add("commerce.messaging.whatsapp.app-secret", () -> "app-secret");
        registry.add("commerce.messaging.whatsapp.request-timeout", () -> "PT3S");
        registry.add("commerce.messaging.sms.api-base-url", () -> "http://127.0.0.1:" + PORT);
        registry.add("commerce.messaging.sms.account-sid", () -> "ACtest");
        registry.add("commerce.messaging.sms.auth-token", () -> "sms-token");
        registry.add("commerce.messaging.sms.request-timeout", () -> "PT3S");
        registry.add("commerce.messaging.sms.webhook-base-url", () -> "https://shop.example");
    }

    @Autowired
    Dispatcher dispatcher;

    @Autowired
    MessageSender sender;

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
    WhatsAppSecrets secrets;

    @Autowired
    SmsSecrets smsSecrets;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void freshProvider() {
        provider.resetAll();
        provider.stubFor(post(urlEqualTo(MESSAGES)).willReturn(accepted()));
        provider.stubFor(post(urlEqualTo(TWILIO)).willReturn(smsAccepted()));
        MessagingFixtures.parkOtherTestsMessages(jdbc);
    }

    @Test
    void aReadTimeoutAfterTheRequestWasSentIsNotSentAgainAndItsWebhookSettlesIt() {
        provider.stubFor(
                post(urlEqualTo(MESSAGES)).willReturn(accepted("wamid.SLOW").withFixedDelay(5_000)));
        var id = queue(Channel.WHATSAPP);

        dispatcher.dispatchOnce(Channel.WHATSAPP);

        assertThat(reads.find(id).orElseThrow()).satisfies(row -> {
            assertThat(row.status()).isEqualTo(MessageStatus.SENDING);
            assertThat(row.errorCode()).isEqualTo("NO_ANSWER");
        });
        dispatcher.dispatchOnce(Channel.WHATSAPP);
        assertThat(sendsOf(id)).isEqualTo(1);

        whatsAppStatus(id, "wamid.SLOW", "sent");

        assertThat(reads.find(id).orElseThrow()).satisfies(row -> {
            assertThat(row.status()).isEqualTo(MessageStatus.SENT);
            assertThat(row.providerMessageId()).isEqualTo("wamid.SLOW");
        });
        sweepAfterTheSendingTimeout(id);
        assertThat(sendsOf(id)).isEqualTo(1);
    }

    @Test
    void aConnectionResetAfterTheRequestIsNotSentAgain() {
        provider.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        var id = queue(Channel.WHATSAPP);

        dispatcher.dispatchOnce(Channel.WHATSAPP);
        dispatcher.dispatchOnce(Channel.WHATSAPP);

        assertThat(reads.find(id).orElseThrow().status()).isEqualTo(MessageStatus.SENDING);
        assertThat(sendsOf(id)).isEqualTo(1);
    }

    @Test
    void anSmsWithoutAnAnswerIsNotSentAgainAndItsStatusCallbackSettlesIt() {
        provider.stubFor(post(urlEqualTo(TWILIO)).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
        var id = queue(Channel.SMS);

        dispatcher.dispatchOnce(Channel.SMS);
        dispatcher.dispatchOnce(Channel.SMS);

        assertThat(reads.find(id).orElseThrow().status()).isEqualTo(MessageStatus.SENDING);
        assertThat(sendsOf(id)).isEqualTo(1);

        var path = "/webhooks/sms/status?messageId=" + id;
        var params = Map.of("MessageSid", "SMunanswered" + id.toString().substring(0, 8), "MessageStatus", "sent");
        var request = mvc.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header(
                        "X-Twilio-Signature",
                        Signatures.twilioSignature(smsSecrets.authToken(), "https://shop.example" + path, params));
        params.forEach(request::param);
        assertThat(request.exchange()).hasStatusOk();

        assertThat(reads.find(id).orElseThrow().status()).isEqualTo(MessageStatus.SENT);
        sweepAfterTheSendingTimeout(id);
        assertThat(sendsOf(id)).isEqualTo(1);
    }

    @Test
    void aRefusedConnectionReachedNobodyAndIsRetried() {
        var id = queue(Channel.WHATSAPP);
        provider.stop(); // nothing listens: the connection is refused
        try {
            dispatcher.dispatchOnce(Channel.WHATSAPP);
            assertThat(reads.find(id).orElseThrow()).satisfies(row -> {
                assertThat(row.status()).isEqualTo(MessageStatus.QUEUED);
                assertThat(row.errorCode()).isEqualTo("NETWORK");
                assertThat(row.nextAttemptAt()).isAfter(Instant.now());
            });

            jdbc.sql("update message set next_attempt_at = now() where id = ?")
                    .param(id)
                    .update();
            jdbc.sql("delete from recipient_pace where phone = (select recipient from message where id = ?)")
                    .param(id)
                    .update(); // the pair gap has passed
            dispatcher.dispatchOnce(Channel.WHATSAPP);

            assertThat(reads.find(id).orElseThrow()).satisfies(row -> {
                assertThat(row.status()).isEqualTo(MessageStatus.QUEUED);
                assertThat(row.attempts()).as("tried again").isEqualTo(2);
            });
        } finally {
            provider = startProvider();
        }
    }

    /**
     * Issue 9, finding 4: the process died after the provider accepted its sends and before it recorded them.
     * After the restart the provider's status webhooks (Meta retries them until answered) settle each one; the
     * sending-timeout sweep then sends none of them again. The one it re-queues is the one no webhook came for:
     * the remaining window of ADR 0006.
     */
    @Test
    void sendsLeftInFlightByACrashAreSettledByWebhooksAfterTheRestartWithoutASecondSend() {
        var ids = new ArrayList<UUID>();
        for (int i = 0; i < 4; i++) {
            ids.add(queue(Channel.WHATSAPP));
        }
        // the crashed process: claimed, sent, accepted by the provider, gone before recording
        var accepted = sender.process(lifecycle.claimDue(Channel.WHATSAPP, 10, Instant.now()));
        assertThat(accepted).hasSize(4);
        assertThat(ids)
                .allSatisfy(
                        id -> assertThat(reads.find(id).orElseThrow().status()).isEqualTo(MessageStatus.SENDING));

        // after the restart: the webhooks of three of them arrive (sent, then delivered for one)
        var settled = accepted.subList(0, 3);
        settled.forEach(a -> whatsAppStatus(a.row().id(), a.providerMessageId(), "sent"));
        whatsAppStatus(settled.getFirst().row().id(), settled.getFirst().providerMessageId(), "delivered");
        var unheard = accepted.get(3).row().id();
        ids.forEach(this::ageSendingPastTheTimeout);
        dispatcher.requeueStuckSends();
        dispatcher.dispatchOnce(Channel.WHATSAPP);

        assertThat(settled).allSatisfy(a -> {
            var row = reads.find(a.row().id()).orElseThrow();
            assertThat(row.status()).isIn(MessageStatus.SENT, MessageStatus.DELIVERED);
            assertThat(row.providerMessageId()).isEqualTo(a.providerMessageId());
            assertThat(sendsOf(a.row().id())).isEqualTo(1);
        });
        assertThat(reads.find(settled.getFirst().row().id()).orElseThrow().status())
                .isEqualTo(MessageStatus.DELIVERED);
        assertThat(reads.find(unheard).orElseThrow()).satisfies(row -> {
            assertThat(row.status()).as("no webhook came: re-queued").isEqualTo(MessageStatus.QUEUED);
            assertThat(row.errorCode()).isEqualTo("UNKNOWN_OUTCOME");
        });
    }

    private void sweepAfterTheSendingTimeout(UUID id) {
        ageSendingPastTheTimeout(id);
        dispatcher.requeueStuckSends();
        dispatcher.dispatchOnce(Channel.WHATSAPP);
        dispatcher.dispatchOnce(Channel.SMS);
    }

    private void ageSendingPastTheTimeout(UUID id) {
        jdbc.sql("update message set sending_since = ? where id = ? and status = 'SENDING'")
                .param(Timestamp.from(Instant.now().minus(Duration.ofMinutes(11))))
                .param(id)
                .update();
    }

    /** Requests that reached the provider for this message (our id is in the JSON and in the SMS callback URL). */
    private long sendsOf(UUID id) {
        return provider.getAllServeEvents().stream()
                .filter(event -> event.getRequest().getBodyAsString().contains(id.toString()))
                .count();
    }

    /** A signed status webhook in Meta's shape, carrying our id as {@code biz_opaque_callback_data}. */
    private void whatsAppStatus(UUID id, String wamid, String status) {
        var body = """
                {"object": "whatsapp_business_account", "entry": [{"id": "102290129340398", "changes": [{"field": "messages",
                  "value": {"messaging_product": "whatsapp",
                            "metadata": {"display_phone_number": "15550783881", "phone_number_id": "106540352242922"},
                            "statuses": [{"id": "%s", "status": "%s", "timestamp": "%d", "recipient_id": "34600000000",
                                          "biz_opaque_callback_data": "%s"}]}}]}]}""".formatted(wamid, status, Instant.now().getEpochSecond(), id);
        assertThat(MessagingFixtures.postWhatsApp(mvc, secrets, body)).hasStatusOk();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> reads.find(id).orElseThrow().providerMessageId() != null);
    }

    private UUID queue(Channel channel) {
        var customerId = uniqueId("c");
        customers.upsert(
                customerId,
                new CustomerDetails(
                        MessagingFixtures.uniquePhone(), "Sara", null, null, "es", null, null, List.of(), Map.of()));
        consents.record(
                customerId, channel, Purpose.TRANSACTIONAL, new ConsentChange(ConsentStatus.GRANTED, "test", null));
        return UUID.fromString(messaging
                .send(new SendCommand(
                        customerId,
                        Purpose.TRANSACTIONAL,
                        channel,
                        new OutboundContent.Template("order_shipped", Map.of("orderId", "1001")),
                        null))
                .messageId());
    }

    private static ResponseDefinitionBuilder accepted() {
        return accepted("wamid.{{randomValue length=24 type='ALPHANUMERIC'}}");
    }

    private static ResponseDefinitionBuilder accepted(String wamid) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"messaging_product\": \"whatsapp\", \"contacts\": [{\"input\": \"x\", \"wa_id\": \"x\"}],"
                        + " \"messages\": [{\"id\": \"" + wamid + "\"}]}")
                .withTransformers("response-template");
    }

    private static ResponseDefinitionBuilder smsAccepted() {
        return aResponse()
                .withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"sid\": \"SM{{randomValue length=32 type='HEXADECIMAL'}}\", \"status\": \"queued\"}")
                .withTransformers("response-template");
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** On a fixed port, so that it can be stopped (connections refused) and started again where the app looks. */
    private static WireMockServer startProvider() {
        var server = new WireMockServer(options().port(PORT).templatingEnabled(true));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }
}
