package io.commerce.journey.journeys;

import static io.commerce.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.commerce.journey.engine.JourneyRunner;
import io.commerce.messaging.channel.Signatures;
import io.commerce.messaging.sms.SmsSecrets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * What the lifecycle journeys' tests share: customers with their own phone number, consents, orders placed
 * at the test clock's time, SMS answers through the signed webhook, and a runner pass that advances only the
 * journey and customer under test (everything else, left behind by other tests or enrolled on the side,
 * e.g. the newsletter invitation of a customer who allows SMS offers, is parked first).
 */
final class LifecycleFixtures {

    private LifecycleFixtures() {}

    static String uniquePhone() {
        return "+346" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    static void customer(MockMvcTester mvc, String customerId, String phone, String language) {
        json(mvc, HttpMethod.PUT, "/api/v1/customers/" + customerId, """
                {"phone": "%s", "firstName": "Sara", "language": "%s", "timezone": "Europe/Madrid"}""".formatted(phone, language))
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

    /** A product with one variant {@code v-1}; {@code replenishAfterDays} may be null. */
    static void product(MockMvcTester mvc, String productId, int inventory, Integer replenishAfterDays) {
        json(mvc, HttpMethod.PUT, "/api/v1/products/" + productId, """
                {"title": "Shampoo %s", "url": "https://shop.example/p/%s", "replenishAfterDays": %s,
                 "variants": [{"variantId": "v-1", "title": "250 ml", "price": 9.95, "currency": "EUR",
                               "inventory": %d}]}""".formatted(
                                productId, productId, replenishAfterDays, inventory))
                .assertThat()
                .hasStatus2xxSuccessful();
    }

    /** An order of one of each product, placed at {@code placedAt}. */
    static void order(MockMvcTester mvc, String orderId, String customerId, Instant placedAt, String... productIds) {
        var lines = String.join(
                ", ", java.util.Arrays.stream(productIds).map("""
                                {"productId": "%s", "variantId": "v-1", "quantity": 1, "unitPrice": 9.95}"""::formatted).toList());
        json(mvc, HttpMethod.PUT, "/api/v1/orders/" + orderId, """
                {"customerId": "%s", "currency": "EUR", "total": 49.75, "placedAt": "%s",
                 "orderUrl": "https://shop.example/orders/%s", "lines": [%s]}""".formatted(customerId, placedAt, orderId, lines))
                .assertThat()
                .hasStatus2xxSuccessful();
    }

    /** The customer's SMS, as Twilio posts it to the inbound webhook, signed. */
    static void smsFrom(MockMvcTester mvc, SmsSecrets secrets, String phone, String text) {
        var params = Map.of(
                "MessageSid",
                "SM" + UUID.randomUUID().toString().replace("-", ""),
                "From",
                phone,
                "To",
                "+15550000000",
                "Body",
                text);
        var request = mvc.post()
                .uri("/webhooks/sms/inbound")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header(
                        "X-Twilio-Signature",
                        Signatures.twilioSignature(
                                secrets.authToken(), "http://localhost/webhooks/sms/inbound", params));
        params.forEach(request::param);
        assertThat(request.exchange()).hasStatusOk();
    }

    /** One runner pass over this customer's enrollments in this journey only. */
    static void run(JdbcClient jdbc, JourneyRunner runner, String journey, String customerId) {
        jdbc.sql("""
                        update enrollment set next_run_at = 'infinity'
                         where status = 'ACTIVE' and not (journey = ? and customer_id = ?)""").params(journey, customerId).update();
        runner.runOnce();
    }

    static Map<String, Object> awaitEnrollment(JdbcClient jdbc, String journey, String triggerId) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !enrollments(jdbc, journey, triggerId).isEmpty());
        return enrollment(jdbc, journey, triggerId);
    }

    /** status, exit_reason, step, awaiting_reply, next_run_at of the one enrollment. */
    static Map<String, Object> enrollment(JdbcClient jdbc, String journey, String triggerId) {
        var rows = enrollments(jdbc, journey, triggerId);
        assertThat(rows).hasSize(1);
        return rows.getFirst();
    }

    static List<Map<String, Object>> enrollments(JdbcClient jdbc, String journey, String triggerId) {
        return jdbc.sql("""
                        select status, exit_reason, step, awaiting_reply, next_run_at from enrollment
                         where journey = ? and trigger_id = ?""").params(journey, triggerId).query().listOfRows();
    }

    static List<Map<String, Object>> enrollmentsOf(JdbcClient jdbc, String journey, String customerId) {
        return jdbc.sql("""
                        select trigger_id, status, exit_reason, step from enrollment
                         where journey = ? and customer_id = ? order by created_at""").params(journey, customerId).query().listOfRows();
    }

    /** The customer's messages, oldest first: template, text, channel, purpose, category, origin. */
    static List<Map<String, Object>> messages(JdbcClient jdbc, String customerId) {
        return jdbc.sql("""
                        select template_key, sms_text, channel, purpose, category, origin, origin_ref from message
                         where customer_id = ? order by created_at""").param(customerId).query().listOfRows();
    }
}
