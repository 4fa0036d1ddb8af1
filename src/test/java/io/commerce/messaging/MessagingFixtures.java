package io.commerce.messaging;

import static io.commerce.Api.json;

import io.commerce.Fixtures;
import io.commerce.messaging.channel.Signatures;
import io.commerce.messaging.channel.WebhookSecrets;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Customers with unique numbers, and Meta's fixtures posted as signed webhooks. */
final class MessagingFixtures {

    /** The number in Meta's examples; tests swap it for a customer's own. */
    static final String FIXTURE_WA_ID = "16505551234";

    private MessagingFixtures() {}

    /**
     * Other test classes leave queued messages behind: park them so a dispatch sees only this test's
     * messages, and start with a full token bucket.
     */
    static void parkOtherTestsMessages(JdbcClient jdbc) {
        jdbc.sql("update message set next_attempt_at = 'infinity' where status = 'QUEUED'")
                .update();
        jdbc.sql("delete from channel_pace").update();
    }

    /** A valid Spanish mobile number nobody else in the test run has. */
    static String uniquePhone() {
        return "+346" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    static void customer(MockMvcTester mvc, String customerId, String phone, String language) {
        json(mvc, HttpMethod.PUT, "/api/v1/customers/" + customerId, """
                {"phone": "%s", "firstName": "Sara", "language": "%s"}""".formatted(phone, language))
                .assertThat()
                .hasStatus2xxSuccessful();
    }

    static void consent(MockMvcTester mvc, String customerId, String channel, String purpose, String status) {
        json(
                        mvc,
                        HttpMethod.PUT,
                        "/api/v1/customers/%s/consents/%s/%s".formatted(customerId, channel, purpose),
                        """
                {"status": "%s", "source": "test"}""".formatted(status))
                .assertThat()
                .hasStatus2xxSuccessful();
    }

    /** A fixture with Meta's example number replaced by {@code phone} and ids made unique. */
    static String fixture(String name, String phone, String suffix) {
        return Fixtures.text(name).replace(FIXTURE_WA_ID, phone.substring(1)).replace("\"wamid.", "\"wamid." + suffix);
    }

    static MvcTestResult postWhatsApp(MockMvcTester mvc, WebhookSecrets secrets, String body) {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        return mvc.post()
                .uri("/webhooks/whatsapp")
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Hub-Signature-256", Signatures.hubSignature(secrets.whatsappAppSecret(), bytes))
                .content(bytes)
                .exchange();
    }
}
