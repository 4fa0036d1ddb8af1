package io.commerce.console;

import static io.commerce.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.commerce.Fixtures;
import io.commerce.HttpApi;
import io.commerce.SandboxedServer;
import io.commerce.messaging.MessagingFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Grafana dashboard in {@code docs/grafana} asks only for metrics the service serves at {@code
 * /actuator/prometheus}: after a message delivered and one failed (through the sandbox, with its webhooks),
 * every metric name in every panel's query is in the scrape.
 */
@SandboxedServer
class GrafanaDashboardTest {

    private static final Pattern METRIC =
            Pattern.compile("\\b((?:messaging|journey|conversation|http|hikaricp|jvm)_[a-z0-9_]+)");

    @LocalServerPort
    int port;

    @Test
    void everyMetricTheDashboardQueriesIsServed() throws IOException {
        var api = new HttpApi(port);
        var delivered = send(api, MessagingFixtures.uniquePhone());
        var failed = send(api, MessagingFixtures.uniquePhone().substring(0, 8) + "0000"); // not on WhatsApp: 131026
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(api.get("/api/v1/messages/" + delivered).path("status").asString())
                    .isIn("delivered", "read");
            assertThat(api.get("/api/v1/messages/" + failed).path("status").asString())
                    .isEqualTo("failed");
        });

        var scrape = api.client().get().uri("/actuator/prometheus").retrieve().body(String.class);

        var queried = metricsQueried();
        assertThat(queried).contains("messaging_failures_total", "messaging_send_limit", "journey_steps_due");
        assertThat(queried).allSatisfy(metric -> assertThat(scrape).containsPattern("(?m)^" + metric + "[{ ]"));
        assertThat(scrape).contains("messaging_failures_total{channel=\"whatsapp\",code=\"131026\"");
    }

    private static String send(HttpApi api, String phone) {
        var customer = uniqueId("c");
        api.put("/api/v1/customers/" + customer, """
                {"phone": "%s", "firstName": "Ana", "language": "es"}""".formatted(phone));
        api.put("/api/v1/customers/" + customer + "/consents/whatsapp/transactional", """
                {"status": "granted", "source": "test"}""");
        return api.post("/api/v1/messages", """
                        {"customerId": "%s", "purpose": "transactional",
                         "template": {"key": "order_shipped", "params": {"orderId": "1050"}}}""".formatted(customer))
                .path("messageId")
                .asString();
    }

    private static Set<String> metricsQueried() throws IOException {
        var dashboard = Fixtures.parse(Files.readString(Path.of("docs/grafana/whatsapp-commerce.json")));
        var metrics = new TreeSet<String>();
        dashboard
                .path("panels")
                .forEach(panel -> panel.path("targets")
                        .forEach(target -> METRIC.matcher(target.path("expr").asString())
                                .results()
                                .forEach(match -> metrics.add(match.group(1)))));
        return metrics;
    }
}
