package io.commerce.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.commerce.HttpApi;
import io.commerce.SandboxedServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The README's loop, end to end over HTTP with the built-in sandbox: a template goes out and comes back
 * sent, delivered, read; the customer taps a button; the customer writes STOP. Every hop is a real HTTP
 * call, every webhook signed and verified.
 */
@SandboxedServer
class SandboxLoopTest {

    @LocalServerPort
    int port;

    @Test
    void sendStatusesReplyAndStop() {
        var api = new HttpApi(port);
        var phone = MessagingFixtures.uniquePhone();
        var customerId = "sandbox-" + phone.substring(1);
        api.put(
                "/api/v1/customers/" + customerId,
                "{\"phone\": \"%s\", \"firstName\": \"Ana\", \"language\": \"es\"}".formatted(phone));
        api.put(
                "/api/v1/customers/" + customerId + "/consents/whatsapp/transactional",
                "{\"status\": \"granted\", \"source\": \"test\"}");
        api.put(
                "/api/v1/customers/" + customerId + "/consents/whatsapp/marketing",
                "{\"status\": \"granted\", \"source\": \"test\"}");

        var sent = api.post("/api/v1/messages", """
                {"customerId": "%s", "purpose": "transactional",
                 "template": {"key": "delivery_feedback", "params": {"orderId": "1001"}}}""".formatted(customerId));
        var messageId = sent.path("messageId").asString();

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() ->
                        assertThat(statuses(api, messageId)).containsExactly("queued", "sent", "delivered", "read"));

        api.post(
                "/api/v1/sandbox/customers/" + phone + "/whatsapp",
                "{\"buttonId\": \"RATING_5\", \"text\": \"5\", \"replyTo\": \"%s\"}".formatted(messageId));
        api.post("/api/v1/sandbox/customers/" + phone + "/whatsapp", "{\"text\": \"BAJA\"}");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            var consents =
                    api.get("/api/v1/customers/" + customerId + "/consents").path("current");
            assertThat(consents.findValues("status").stream()
                            .map(JsonNode::asString)
                            .toList())
                    .contains("withdrawn");
            var conversation = api.get("/api/v1/customers/" + customerId + "/conversation");
            assertThat(conversation.findValues("replyPayload").stream()
                            .map(JsonNode::asString)
                            .toList())
                    .contains("RATING_5");
            assertThat(conversation.findValues("templateKey").stream()
                            .map(JsonNode::asString)
                            .toList())
                    .contains("optout_confirmation");
        });
        var metrics = api.client().get().uri("/actuator/prometheus").retrieve().body(String.class);
        assertThat(metrics).contains("messaging_sends_total", "messaging_webhooks_total", "messaging_queue_depth");
    }

    private static List<String> statuses(HttpApi api, String messageId) {
        return api.get("/api/v1/messages/" + messageId).path("statusHistory").findValues("status").stream()
                .map(JsonNode::asString)
                .toList();
    }
}
