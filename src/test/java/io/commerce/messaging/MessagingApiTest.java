package io.commerce.messaging;

import static io.commerce.Api.get;
import static io.commerce.Api.json;
import static io.commerce.Api.uniqueId;
import static io.commerce.messaging.MessagingFixtures.consent;
import static io.commerce.messaging.MessagingFixtures.customer;
import static io.commerce.messaging.MessagingFixtures.uniquePhone;
import static org.assertj.core.api.Assertions.assertThat;

import io.commerce.IntegrationTest;
import io.commerce.messaging.outbox.MessageReads;
import io.commerce.messaging.outbox.MessageRow;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class MessagingApiTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    MessageReads reads;

    String customerId;

    @BeforeEach
    void spanishCustomerWithWhatsAppConsent() {
        customerId = uniqueId("c");
        customer(mvc, customerId, uniquePhone(), "es");
        consent(mvc, customerId, "whatsapp", "transactional", "granted");
        consent(mvc, customerId, "whatsapp", "marketing", "granted");
    }

    @Test
    void queuesATemplateInTheCustomersLanguageWithTheirFirstName() {
        var result = send("""
                {"customerId": "%s", "purpose": "transactional", "channel": "whatsapp",
                 "template": {"key": "order_shipped", "params": {"orderId": "1001"}}}""");

        assertThat(result).hasStatus(HttpStatus.ACCEPTED);
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo("queued");
        assertThat(result).bodyJson().extractingPath("$.language").isEqualTo("es");
        assertThat(result).bodyJson().extractingPath("$.category").isEqualTo("utility");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.statusHistory[0].status")
                .isEqualTo("queued");
        var stored = reads.byCustomer(customerId).getFirst();
        assertThat(stored.smsText()).isEqualTo("Hola Sara, tu pedido 1001 va en camino.");
        assertThat(get(mvc, "/api/v1/messages/" + stored.id()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.templateKey")
                .isEqualTo("order_shipped");
    }

    @Test
    void picksSmsWhenWhatsAppIsNotAllowed() {
        var smsOnly = uniqueId("c");
        customer(mvc, smsOnly, uniquePhone(), "en");
        consent(mvc, smsOnly, "sms", "transactional", "granted");

        var result = send("""
                {"customerId": "%s", "purpose": "transactional",
                 "template": {"key": "order_shipped", "params": {"orderId": "7"}}}""", smsOnly);

        assertThat(result)
                .hasStatus(HttpStatus.ACCEPTED)
                .bodyJson()
                .extractingPath("$.channel")
                .isEqualTo("sms");
    }

    @Test
    void refusesWithoutConsent() {
        var nobody = uniqueId("c");
        customer(mvc, nobody, uniquePhone(), "en");

        assertThat(send("""
                {"customerId": "%s", "purpose": "marketing", "template": {"key": "new_product",
                 "params": {"productName": "Runner X", "productUrl": "https://shop.example/p/x"}}}""", nobody))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("CONSENT_REQUIRED");
    }

    @Test
    void refusesFreeFormTextOutsideServiceWindow() {
        assertThat(send("""
                {"customerId": "%s", "purpose": "transactional", "channel": "whatsapp",
                 "text": "Your parcel left our warehouse."}"""))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("SERVICE_WINDOW_CLOSED");
    }

    @Test
    void refusesMarketingTemplatesToUsNumbers() {
        var american = uniqueId("c");
        customer(mvc, american, "+1 415 555 2671", "en");
        consent(mvc, american, "whatsapp", "marketing", "granted");

        assertThat(send("""
                {"customerId": "%s", "purpose": "marketing", "channel": "whatsapp", "template": {"key": "new_product",
                 "params": {"productName": "Runner X", "productUrl": "https://shop.example/p/x"}}}""", american))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("MARKETING_BLOCKED_IN_COUNTRY");
    }

    @Test
    void refusesUnknownTemplatesMissingParametersAndTwoContents() {
        assertThat(send("""
                {"customerId": "%s", "purpose": "transactional", "template": {"key": "nope"}}"""))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("UNKNOWN_TEMPLATE");
        assertThat(send("""
                {"customerId": "%s", "purpose": "transactional", "template": {"key": "order_shipped"}}"""))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("TEMPLATE_PARAMS_MISSING");
        assertThat(send("""
                {"customerId": "%s", "purpose": "transactional", "text": "a",
                 "template": {"key": "order_shipped", "params": {"orderId": "1"}}}"""))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("content");
        assertThat(send("""
                {"customerId": "%s", "purpose": "sometimes", "text": "a"}""")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void refusesContentBeyondMetasLimitsBeforeQueueing() {
        assertThat(send("""
                {"customerId": "%s", "purpose": "transactional", "channel": "whatsapp",
                 "buttons": {"body": "Pick", "buttons": [{"id": "1", "title": "One"}, {"id": "2", "title": "Two"},
                             {"id": "3", "title": "Three"}, {"id": "4", "title": "Four"}]}}"""))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("CONTENT_LIMIT_EXCEEDED");
        assertThat(reads.byCustomer(customerId)).isEmpty();
    }

    @Test
    void unknownMessagesAre404() {
        assertThat(get(mvc, "/api/v1/messages/" + UUID.randomUUID()))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("MESSAGE_NOT_FOUND");
        assertThat(get(mvc, "/api/v1/messages/not-a-uuid")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(send("""
                {"customerId": "%s", "purpose": "transactional", "text": "hi"}""", uniqueId("nobody"))).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void listsMessagesByCustomerAndStatus() {
        send("""
                {"customerId": "%s", "purpose": "transactional", "template": {"key": "order_shipped", "params": {"orderId": "1"}}}""").assertThat().hasStatus(HttpStatus.ACCEPTED);

        assertThat(get(mvc, "/api/v1/messages?customerId=" + customerId + "&status=queued"))
                .bodyJson()
                .extractingPath("$.totalItems")
                .isEqualTo(1);
        assertThat(get(mvc, "/api/v1/messages?customerId=" + customerId + "&status=failed"))
                .bodyJson()
                .extractingPath("$.totalItems")
                .isEqualTo(0);
        assertThat(get(mvc, "/api/v1/messages?status=maybe")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void idempotencyKeyReturnsTheSameMessage() {
        var body = """
                {"customerId": "%s", "purpose": "transactional", "template": {"key": "order_shipped", "params": {"orderId": "9"}}}""".formatted(customerId);
        var first = json(mvc, HttpMethod.POST, "/api/v1/messages", body)
                .header("Idempotency-Key", "k-" + customerId)
                .exchange();
        var replay = json(mvc, HttpMethod.POST, "/api/v1/messages", body).header("Idempotency-Key", "k-" + customerId);

        assertThat(replay).hasStatus(HttpStatus.ACCEPTED).hasHeader("Idempotent-Replayed", "true");
        assertThat(replay).hasBodyTextEqualTo(bodyOf(first));
        assertThat(reads.byCustomer(customerId)).hasSize(1);
    }

    @Test
    void theCatalogueListsTemplatesWithLanguagesAndParameters() {
        assertThat(get(mvc, "/api/v1/templates"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[?(@.key == 'order_shipped')].languages[*]")
                .asArray()
                .containsExactly("en", "es", "nl");
    }

    @Test
    void withdrawingMarketingConsentCancelsQueuedMarketingBeforeItIsAnswered() {
        send("""
                {"customerId": "%s", "purpose": "marketing", "channel": "whatsapp", "template": {"key": "new_product",
                 "params": {"productName": "Runner X", "productUrl": "https://shop.example/p/x"}}}""").assertThat().hasStatus(HttpStatus.ACCEPTED);
        send("""
                {"customerId": "%s", "purpose": "transactional", "template": {"key": "order_shipped", "params": {"orderId": "1"}}}""").assertThat().hasStatus(HttpStatus.ACCEPTED);

        consent(mvc, customerId, "whatsapp", "marketing", "withdrawn");

        assertThat(reads.byCustomer(customerId))
                .extracting(MessageRow::templateKey, MessageRow::status)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("new_product", MessageStatus.CANCELLED),
                        org.assertj.core.groups.Tuple.tuple("order_shipped", MessageStatus.QUEUED));
    }

    @Test
    void erasureCancelsQueuedMessagesAndForgetsTheirWords() {
        send("""
                {"customerId": "%s", "purpose": "transactional", "template": {"key": "order_shipped", "params": {"orderId": "1"}}}""").assertThat().hasStatus(HttpStatus.ACCEPTED);

        mvc.delete()
                .uri("/api/v1/customers/" + customerId)
                .header("X-Api-Key", "test-key")
                .assertThat()
                .hasStatus(HttpStatus.NO_CONTENT);

        var row = reads.byCustomer(customerId).getFirst();
        assertThat(row.status()).isEqualTo(MessageStatus.CANCELLED);
        assertThat(row.recipient()).isNull();
        assertThat(row.smsText()).isNull();
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult send(String template) {
        return send(template, customerId);
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult send(String template, String customer) {
        return json(mvc, HttpMethod.POST, "/api/v1/messages", template.formatted(customer))
                .exchange();
    }

    private static String bodyOf(org.springframework.test.web.servlet.assertj.MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString();
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
