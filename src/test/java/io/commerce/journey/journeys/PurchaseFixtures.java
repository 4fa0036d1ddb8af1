package io.commerce.journey.journeys;

import static io.commerce.Api.json;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Customers, products, carts and orders for the purchase journeys' tests, and what they left behind. */
final class PurchaseFixtures {

    private final MockMvcTester mvc;
    private final JdbcClient jdbc;

    PurchaseFixtures(MockMvcTester mvc, JdbcClient jdbc) {
        this.mvc = mvc;
        this.jdbc = jdbc;
    }

    /** Other tests leave enrollments behind: park them so each runOnce sees only this test's. */
    void parkOtherEnrollments() {
        jdbc.sql("update enrollment set next_run_at = 'infinity' where status = 'ACTIVE'")
                .update();
    }

    void customer(String customerId, String timezone) {
        json(mvc, HttpMethod.PUT, "/api/v1/customers/" + customerId, """
                {"phone": "+34612345678", "firstName": "Sara", "timezone": "%s"}""".formatted(timezone))
                .assertThat()
                .hasStatus2xxSuccessful();
    }

    void consent(String customerId, String channel, String purpose, String status) {
        json(
                        mvc,
                        HttpMethod.PUT,
                        "/api/v1/customers/%s/consents/%s/%s".formatted(customerId, channel, purpose),
                        """
                {"status": "%s", "source": "test"}""".formatted(status))
                .assertThat()
                .hasStatus2xxSuccessful();
    }

    /** A product with variant {@code v-1} at 10.00 EUR. */
    void product(String productId, String title, String category, int inventory) {
        json(mvc, HttpMethod.PUT, "/api/v1/products/" + productId, """
                {"title": "%s", "url": "https://shop.example/p/%s", "category": "%s",
                 "variants": [{"variantId": "v-1", "price": 10.00, "currency": "EUR", "inventory": %d}]}""".formatted(title, productId, category, inventory))
                .assertThat()
                .hasStatus2xxSuccessful();
    }

    /** Puts the cart with one line per product (quantity 1, 10.00 each); no products: an empty cart. */
    void cart(String cartId, String customerId, String... productIds) {
        json(mvc, HttpMethod.PUT, "/api/v1/carts/" + cartId, """
                {"customerId": "%s", "currency": "EUR", "checkoutUrl": "https://shop.example/checkout/%s",
                 "lines": [%s]}""".formatted(
                                customerId, cartId, lines(Map.of(), productIds)))
                .assertThat()
                .hasStatus2xxSuccessful();
    }

    /** Places an order (placed now) with one line per product; quantities by product, else 1. */
    void order(
            String orderId,
            String customerId,
            String cartId,
            Instant placedAt,
            Map<String, Integer> quantities,
            String... productIds) {
        json(mvc, HttpMethod.PUT, "/api/v1/orders/" + orderId, """
                {"customerId": "%s", "cartId": %s, "currency": "EUR", "total": 42.5, "placedAt": "%s",
                 "orderUrl": "https://shop.example/orders/%s", "lines": [%s]}""".formatted(
                                customerId,
                                cartId == null ? "null" : '"' + cartId + '"',
                                placedAt,
                                orderId,
                                lines(quantities, productIds)))
                .assertThat()
                .hasStatus2xxSuccessful();
    }

    void order(String orderId, String customerId, Instant placedAt, String... productIds) {
        order(orderId, customerId, null, placedAt, Map.of(), productIds);
    }

    void shipAndDeliver(String orderId, Instant deliveredAt) {
        json(mvc, HttpMethod.POST, "/api/v1/orders/" + orderId + "/shipments", """
                {"carrier": "DHL", "trackingNumber": "T-%s"}""".formatted(orderId))
                .assertThat()
                .hasStatus2xxSuccessful();
        json(mvc, HttpMethod.POST, "/api/v1/orders/" + orderId + "/delivery", """
                {"deliveredAt": "%s"}""".formatted(deliveredAt))
                .assertThat()
                .hasStatus2xxSuccessful();
    }

    void cancel(String orderId) {
        json(mvc, HttpMethod.POST, "/api/v1/orders/" + orderId + "/cancellation", "{}")
                .assertThat()
                .hasStatus2xxSuccessful();
    }

    /** Waits for the asynchronous event that enrolls {@code triggerId} in {@code journey}. */
    void awaitEnrollment(String journey, String triggerId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> enrollment(journey, triggerId) != null);
    }

    void awaitStatus(String journey, String triggerId, String status) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            var enrollment = enrollment(journey, triggerId);
            return enrollment != null && status.equals(enrollment.get("status"));
        });
    }

    /** The enrollment's status, exit_reason, step, next_run_at, attempts and context; null when none. */
    Map<String, Object> enrollment(String journey, String triggerId) {
        return jdbc.sql("""
                        select status, exit_reason, step, next_run_at, attempts, context::text as context
                          from enrollment where journey = ? and trigger_id = ?""").params(journey, triggerId).query().listOfRows().stream()
                .findFirst()
                .orElse(null);
    }

    long enrollments(String journey, String triggerId) {
        return jdbc.sql("select count(*) from enrollment where journey = ? and trigger_id = ?")
                .params(journey, triggerId)
                .query(Long.class)
                .single();
    }

    /** The customer's messages of these templates, oldest first. */
    List<Map<String, Object>> messages(String customerId, String... templates) {
        return jdbc.sql("""
                        select template_key, sms_text, channel, purpose, category, origin, origin_ref
                          from message where customer_id = ? and template_key = any(?) order by created_at""").params(customerId, templates).query().listOfRows();
    }

    /** The messages an enrollment sent, oldest first. */
    List<Map<String, Object>> messagesOf(String journey, String triggerId) {
        return jdbc.sql("""
                        select m.template_key, m.sms_text, m.channel, m.purpose, m.category, m.origin
                          from message m join enrollment e on m.origin_ref = e.id::text
                         where e.journey = ? and e.trigger_id = ? order by m.created_at""").params(journey, triggerId).query().listOfRows();
    }

    private static String lines(Map<String, Integer> quantities, String... productIds) {
        return Arrays.stream(productIds)
                .map(productId -> """
                        {"productId": "%s", "variantId": "v-1", "quantity": %d, "unitPrice": 10.00}""".formatted(productId, quantities.getOrDefault(productId, 1)))
                .collect(Collectors.joining(", "));
    }
}
