package io.commerce.messaging.intake;

import static io.commerce.Api.json;
import static io.commerce.Api.uniqueId;
import static io.commerce.messaging.MessagingFixtures.consent;
import static io.commerce.messaging.MessagingFixtures.customer;
import static io.commerce.messaging.MessagingFixtures.fixture;
import static io.commerce.messaging.MessagingFixtures.postWhatsApp;
import static io.commerce.messaging.MessagingFixtures.uniquePhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.commerce.IntegrationTest;
import io.commerce.messaging.InboundMessageReceived;
import io.commerce.messaging.InboundMessagesReceived;
import io.commerce.messaging.channel.Signatures;
import io.commerce.messaging.outbox.MessageReads;
import io.commerce.messaging.outbox.SendLifecycle;
import io.commerce.messaging.sms.SmsSecrets;
import io.commerce.messaging.whatsapp.WhatsAppSecrets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * What {@link InboundMessageReceived} tells the modules that route customers' messages: the file a customer
 * sent (WhatsApp media, an MMS), the message of ours it answers, and whether it was a keyword acted on.
 */
@IntegrationTest
class InboundMessageReceivedTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    WhatsAppSecrets whatsAppSecrets;

    @Autowired
    SmsSecrets smsSecrets;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageReads reads;

    @Autowired
    SendLifecycle lifecycle;

    @Autowired
    ApplicationEvents events;

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
        consent(mvc, customerId, "sms", "transactional", "granted");
    }

    @Test
    void aWhatsAppDocumentCarriesItsMediaIdAndTypeAndKeepsItsFileInThePayload() {
        postWhatsApp(mvc, whatsAppSecrets, fixture("webhook_message_document.json", phone, suffix));

        var received = received();
        assertThat(received.type()).isEqualTo("document");
        assertThat(received.text()).isEqualTo("my receipt");
        assertThat(received.mediaId()).isEqualTo("622684793477189");
        assertThat(received.mimeType()).isEqualTo("application/pdf");
        assertThat(received.repliedTo()).isNull();
        assertThat(received.keyword()).isFalse();
        assertThat(jdbc.sql("select payload -> 'document' ->> 'filename' from inbound_message where sender = ?")
                        .param(phone)
                        .query(String.class)
                        .single())
                .isEqualTo("receipt.pdf");
    }

    @Test
    void aTextHasNoMedia() {
        postWhatsApp(mvc, whatsAppSecrets, fixture("webhook_message_text.json", phone, suffix));

        var received = received();
        assertThat(received.mediaId()).isNull();
        assertThat(received.mimeType()).isNull();
        assertThat(received.keyword()).isFalse();
    }

    @Test
    void anAnswerNamesOurMessage() {
        var ours = sentTemplate("wamid.OURS" + suffix);
        var body = fixture("webhook_message_button_reply.json", phone, suffix)
                .replaceAll(
                        "\"context\": \\{[^}]*\\}",
                        "\"context\": {\"from\": \"15550783881\", \"id\": \"wamid.OURS" + suffix + "\"}");

        postWhatsApp(mvc, whatsAppSecrets, body);

        assertThat(received().repliedTo()).isEqualTo(ours.toString());
    }

    @Test
    void anOptOutKeywordTheCoreActedOnIsMarked() {
        postWhatsApp(
                mvc,
                whatsAppSecrets,
                fixture("webhook_message_text.json", phone, suffix).replace("Does it come in another color?", "STOP"));

        assertThat(received().keyword()).isTrue();
    }

    @Test
    void aKeywordFromAnUnknownNumberIsNotActedOnSoNotMarked() {
        var stranger = uniquePhone();
        postWhatsApp(
                mvc,
                whatsAppSecrets,
                fixture("webhook_message_text.json", stranger, suffix)
                        .replace("Does it come in another color?", "STOP"));

        var received = events.stream(InboundMessagesReceived.class)
                .flatMap(batch -> batch.messages().stream())
                .filter(event -> event.providerMessageId().contains(suffix))
                .toList();
        assertThat(received).singleElement().satisfies(event -> {
            assertThat(event.customerId()).isNull();
            assertThat(event.keyword()).isFalse();
        });
    }

    @Test
    void messagesDeliveredTogetherAreEachTakenOnceWithTheirOwnSenderAndWindow() {
        var stranger = uniquePhone();
        var text = fixture("webhook_message_text.json", phone, suffix);
        var start = text.indexOf("{\n                \"from\"");
        var message = text.substring(start, text.indexOf("\n            ]", start));
        var second = message.replace("wamid.", "wamid.2").replace("Does it come in another color?", "and in blue?");
        var fromStranger =
                message.replace(phone.substring(1), stranger.substring(1)).replace("wamid.", "wamid.3");
        // one delivery, three messages, one of them twice; then the whole delivery again (Meta's retry)
        var body = text.replace(message, String.join(",", message, second, message, fromStranger));

        postWhatsApp(mvc, whatsAppSecrets, body).assertThat().hasStatusOk();
        postWhatsApp(mvc, whatsAppSecrets, body).assertThat().hasStatusOk();

        var batches = events.stream(InboundMessagesReceived.class)
                .filter(batch -> batch.messages().getFirst().providerMessageId().contains(suffix))
                .toList();
        assertThat(batches)
                .as("one event for the delivery's messages, none for the retry")
                .hasSize(1);
        assertThat(batches.getFirst().messages())
                .extracting(InboundMessageReceived::text, InboundMessageReceived::customerId)
                .containsExactly(
                        tuple("Does it come in another color?", customerId),
                        tuple("and in blue?", customerId),
                        tuple("Does it come in another color?", null));
        assertThat(jdbc.sql("select count(*) from inbound_message where provider_message_id like ?")
                        .param("%" + suffix + "%")
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from service_window where phone in (?, ?)")
                        .params(phone, stranger)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void anMmsCarriesItsFirstMediaUrlAndType() {
        smsInbound(Map.of(
                "NumMedia", "1",
                "MediaUrl0", "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1",
                "MediaContentType0", "image/jpeg",
                "Body", "my receipt"));

        var received = received();
        assertThat(received.mediaId())
                .isEqualTo("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1");
        assertThat(received.mimeType()).isEqualTo("image/jpeg");
        assertThat(received.text()).isEqualTo("my receipt");
    }

    @Test
    void anSmsWithoutMediaHasNone() {
        smsInbound(Map.of("NumMedia", "0", "Body", "hola"));

        var received = received();
        assertThat(received.mediaId()).isNull();
        assertThat(received.mimeType()).isNull();
    }

    private InboundMessageReceived received() {
        var mine = events.stream(InboundMessagesReceived.class)
                .flatMap(batch -> batch.messages().stream())
                .filter(event -> customerId.equals(event.customerId()))
                .toList();
        assertThat(mine).hasSize(1);
        return mine.getFirst();
    }

    private void smsInbound(Map<String, String> extra) {
        var params = new LinkedHashMap<String, String>(extra);
        params.put("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""));
        params.put("From", phone);
        params.put("To", "+15550000000");
        var path = "/webhooks/sms/inbound";
        var request = mvc.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header(
                        "X-Twilio-Signature",
                        Signatures.twilioSignature(smsSecrets.authToken(), "http://localhost" + path, params));
        params.forEach(request::param);
        assertThat(request.exchange()).hasStatusOk();
    }

    /** A message of ours as the dispatcher leaves it after Meta accepted it. */
    private UUID sentTemplate(String wamid) {
        assertThat(json(mvc, HttpMethod.POST, "/api/v1/messages", """
                {"customerId": "%s", "purpose": "transactional", "channel": "whatsapp",
                 "template": {"key": "order_shipped", "params": {"orderId": "1001"}}}""".formatted(customerId)))
                .hasStatus(HttpStatus.ACCEPTED);
        var id = reads.byCustomer(customerId).getFirst().id();
        jdbc.sql("update message set status = 'SENDING' where id = ?").param(id).update();
        assertThat(lifecycle.markAllSent(List.of(id), List.of(wamid), Instant.now()))
                .hasSize(1);
        return id;
    }
}
