package io.commerce.messaging.intake;

import static io.commerce.Api.json;
import static io.commerce.Api.uniqueId;
import static io.commerce.messaging.MessagingFixtures.consent;
import static io.commerce.messaging.MessagingFixtures.customer;
import static io.commerce.messaging.MessagingFixtures.uniquePhone;
import static org.assertj.core.api.Assertions.assertThat;

import io.commerce.IntegrationTest;
import io.commerce.consent.ConsentService;
import io.commerce.messaging.MessageStatus;
import io.commerce.messaging.channel.Signatures;
import io.commerce.messaging.outbox.MessageReads;
import io.commerce.messaging.outbox.SendLifecycle;
import io.commerce.messaging.sms.SmsSecrets;
import io.commerce.shared.Channel;
import io.commerce.shared.Purpose;
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
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
class SmsWebhookTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    SmsSecrets secrets;

    @Autowired
    MessageReads reads;

    @Autowired
    SendLifecycle lifecycle;

    @Autowired
    ConsentService consents;

    @Autowired
    JdbcClient jdbc;

    String customerId;
    String phone;

    @BeforeEach
    void customerWithSmsConsent() {
        customerId = uniqueId("c");
        phone = uniquePhone();
        customer(mvc, customerId, phone, "nl");
        consent(mvc, customerId, "sms", "transactional", "granted");
        consent(mvc, customerId, "sms", "marketing", "granted");
    }

    @Test
    void statusCallbacksTrackTheMessageFoundByOurId() {
        var id = sentSms("SM" + UUID.randomUUID().toString().replace("-", ""));
        var sid = reads.find(id).orElseThrow().providerMessageId();

        assertThat(post(
                        "/webhooks/sms/status?messageId=" + id,
                        Map.of("MessageSid", sid, "MessageStatus", "delivered")))
                .hasStatusOk();

        assertThat(reads.find(id).orElseThrow().status()).isEqualTo(MessageStatus.DELIVERED);
    }

    @Test
    void anUndeliveredCallbackFailsTheMessageWithTheCarriersCode() {
        var id = sentSms("SM" + UUID.randomUUID().toString().replace("-", ""));
        var sid = reads.find(id).orElseThrow().providerMessageId();

        post(
                "/webhooks/sms/status?messageId=" + id,
                Map.of("MessageSid", sid, "MessageStatus", "undelivered", "ErrorCode", "30003"));

        var row = reads.find(id).orElseThrow();
        assertThat(row.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(row.errorCode()).isEqualTo("30003");
    }

    @Test
    void aWrongSignatureIs401() {
        var params = Map.of("MessageSid", "SMx", "MessageStatus", "delivered");
        assertThat(mvc.post()
                        .uri("/webhooks/sms/status")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("MessageSid", "SMx")
                        .param("MessageStatus", "delivered")
                        .header(
                                "X-Twilio-Signature",
                                Signatures.twilioSignature("wrong", "http://localhost/webhooks/sms/status", params)))
                .hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aCallbackAboutAMessageWeDoNotKnowIsAnswered200AndIgnored() {
        assertThat(post("/webhooks/sms/status", Map.of("MessageSid", "SMunknown", "MessageStatus", "delivered")))
                .hasStatusOk();
    }

    @Test
    void anInboundStopWithdrawsSmsMarketingAndConfirmsInDutch() {
        assertThat(post(
                        "/webhooks/sms/inbound",
                        Map.of(
                                "MessageSid",
                                "SM" + UUID.randomUUID().toString().replace("-", ""),
                                "From",
                                phone,
                                "To",
                                "+15550000000",
                                "Body",
                                "Stop")))
                .hasStatusOk()
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_XML);

        assertThat(consents.isGranted(customerId, Channel.SMS, Purpose.MARKETING))
                .isFalse();
        assertThat(consents.isGranted(customerId, Channel.SMS, Purpose.TRANSACTIONAL))
                .isTrue();
        var confirmation = reads.byCustomer(customerId).getFirst();
        assertThat(confirmation.channel()).isEqualTo(Channel.SMS);
        assertThat(confirmation.smsText()).startsWith("Je ontvangt hier geen aanbiedingen meer");
    }

    private UUID sentSms(String sid) {
        var result = json(mvc, HttpMethod.POST, "/api/v1/messages", """
                {"customerId": "%s", "purpose": "transactional", "channel": "sms",
                 "template": {"key": "order_shipped", "params": {"orderId": "55"}}}""".formatted(customerId))
                .exchange();
        assertThat(result).hasStatus(HttpStatus.ACCEPTED);
        var id = reads.byCustomer(customerId).getFirst().id();
        jdbc.sql("update message set status = 'SENDING' where id = ?").param(id).update();
        lifecycle.markAllSent(List.of(id), List.of(sid), Instant.now());
        return id;
    }

    /** A form POST signed as Twilio signs it: URL (with query) then the POST parameters sorted by name. */
    private MvcTestResult post(String pathAndQuery, Map<String, String> params) {
        var signature = Signatures.twilioSignature(secrets.authToken(), "http://localhost" + pathAndQuery, params);
        var request = mvc.post()
                .uri(pathAndQuery)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header("X-Twilio-Signature", signature);
        new LinkedHashMap<>(params).forEach(request::param);
        return request.exchange();
    }
}
