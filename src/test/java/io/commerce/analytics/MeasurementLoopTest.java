package io.commerce.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.commerce.Api;
import io.commerce.HttpApi;
import io.commerce.SandboxedServer;
import io.commerce.messaging.MessagingFixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Measurement end to end over HTTP with the sandbox: a message's link goes out tracked, the customer's click
 * is redirected with UTM parameters and counted once (a preview fetcher not at all), the order placed after it
 * is attributed to the message, the funnel reports it, and the cancellation takes the revenue back.
 */
@SandboxedServer
class MeasurementLoopTest {

    private static final String CHROME =
            "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aClickedLinkLeadsToAnAttributedOrderThatTheFunnelCountsAndACancellationTakesBack() throws Exception {
        var api = new HttpApi(port);
        var phone = MessagingFixtures.uniquePhone();
        var customerId = "measured-" + phone.substring(1);
        var from = Instant.now().truncatedTo(ChronoUnit.HOURS);
        api.put(
                "/api/v1/customers/" + customerId,
                "{\"phone\": \"%s\", \"firstName\": \"Ana\", \"language\": \"es\"}".formatted(phone));
        api.post("/api/v1/sandbox/customers/" + phone + "/whatsapp", "{\"text\": \"Hola, ¿tenéis las Runner X?\"}");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> api.get("/api/v1/customers/" + customerId + "/conversation")
                                .findValues("text")
                                .size()
                        > 0);

        var messageId = api.post("/api/v1/messages", """
                        {"customerId": "%s", "purpose": "transactional",
                         "text": "¡Sí! Aquí las tienes: https://shop.example/p/runner-x?ref=chat."}""".formatted(customerId))
                .path("messageId")
                .asString();
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(api.get("/api/v1/messages/" + messageId)
                                .path("status")
                                .asString())
                        .isIn("delivered", "read"));
        var links = api.get("/api/v1/messages/" + messageId).path("links");
        assertThat(links).hasSize(1); // the sentence's full stop is not part of the link
        assertThat(links.path(0).path("url").asString()).isEqualTo("https://shop.example/p/runner-x?ref=chat");
        var trackedUrl = links.path(0).path("trackedUrl").asString();
        assertThat(trackedUrl).matches("http://localhost:" + port + "/r/[A-Za-z0-9_-]{16}");
        var token = trackedUrl.substring(trackedUrl.lastIndexOf('/') + 1);

        var preview = follow(token, "WhatsApp/2.24.21.78 A");
        var click = follow(token, CHROME);
        var again = follow(token, CHROME);
        assertThat(preview.statusCode()).isEqualTo(302);
        assertThat(click.statusCode()).isEqualTo(302);
        assertThat(click.headers().firstValue("Location"))
                .hasValue("https://shop.example/p/runner-x?ref=chat&utm_source=whatsapp&utm_medium=conversation"
                        + "&utm_campaign=api"); // a message the shop sent through the API
        assertThat(click.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(again.statusCode()).isEqualTo(302);
        var unknown = follow("nope" + token.substring(4), CHROME);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("This link does not exist");

        var productId = "runner-" + UUID.randomUUID().toString().substring(0, 8);
        api.put("/api/v1/products/" + productId, Api.product(5, "89.95"));
        var orderId = "o-" + UUID.randomUUID().toString().substring(0, 8);
        api.put("/api/v1/orders/" + orderId, """
                {"customerId": "%s", "currency": "EUR", "total": 89.95, "placedAt": "%s",
                 "lines": [{"productId": "%s", "variantId": "v-42", "quantity": 1, "unitPrice": 89.95}]}""".formatted(customerId, Instant.now(), productId));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            var attribution = api.get("/api/v1/orders/" + orderId).path("attribution");
            assertThat(attribution.path("messageId").asString()).isEqualTo(messageId);
            assertThat(attribution.path("touch").asString()).isEqualTo("click");
        });

        var to = Instant.now().plus(Duration.ofHours(1));
        var row = performanceOfApiMessages(api, from, to);
        assertThat(row.path("clicked").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(row.path("uniqueClickers").asLong()).isGreaterThanOrEqualTo(1);
        var clicks = jdbc.sql("select count(*) filter (where not robot), count(*) filter (where first), count(*)"
                        + " from link_click where message_id = :id")
                .param("id", UUID.fromString(messageId))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                .single();
        assertThat(clicks)
                .containsExactly(2, 1, 3); // two by a person, one of them the first; the preview kept, not counted

        var metrics = api.client()
                .get()
                .uri("/actuator/prometheus")
                .header("X-Api-Key", "test-key")
                .retrieve()
                .body(String.class);
        assertThat(metrics)
                .contains("analytics_clicks_total{channel=\"whatsapp\",kind=\"robot\"")
                .contains("analytics_clicks_total{channel=\"whatsapp\",kind=\"first\"")
                .contains("analytics_orders_attributed_total{touch=\"click\"");

        // a marketing template is charged as marketing (the sandbox reports its category as Meta does); Spain's rate
        // for it is RateCardTest's
        api.put(
                "/api/v1/customers/" + customerId + "/consents/whatsapp/marketing",
                "{\"status\": \"granted\", \"source\": \"test\"}");
        var promotion = api.post("/api/v1/messages", """
                        {"customerId": "%s", "purpose": "marketing",
                         "template": {"key": "promotion", "params": {"promotion": "20%% off", "url": "https://shop.example/sale"}}}""".formatted(customerId))
                .path("messageId")
                .asString();
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(api.get("/api/v1/messages/" + promotion)
                                .path("pricingCategory")
                                .asString(""))
                        .isEqualTo("marketing"));
        var costBefore = row.path("cost").decimalValue();
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(performanceOfApiMessages(api, from, to)
                                .path("cost")
                                .decimalValue())
                        // at least: the server's dispatcher also sends what other test classes left queued
                        .isGreaterThanOrEqualTo(costBefore.add(new java.math.BigDecimal("0.0510"))));

        var revenueBefore = row.path("revenue").decimalValue();
        var ordersBefore = row.path("orders").asLong();
        api.post("/api/v1/orders/" + orderId + "/cancellation", "{\"reason\": \"changed mind\"}");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            var after = performanceOfApiMessages(api, from, to);
            assertThat(after.path("orders").asLong()).isEqualTo(ordersBefore - 1);
            assertThat(after.path("revenue").decimalValue())
                    .isEqualByComparingTo(revenueBefore.subtract(new java.math.BigDecimal("89.95")));
        });
    }

    private JsonNode performanceOfApiMessages(HttpApi api, Instant from, Instant to) {
        var rows = api.get("/api/v1/analytics/performance?groupBy=source&from=%s&to=%s".formatted(from, to))
                .path("rows");
        for (var row : rows) {
            if (row.path("key").asString().equals("api")) {
                return row;
            }
        }
        throw new AssertionError("no row for the API's messages in " + rows);
    }

    private HttpResponse<String> follow(String token, String userAgent) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/r/" + token))
                        .header("User-Agent", userAgent)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
