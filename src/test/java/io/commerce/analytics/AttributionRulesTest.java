package io.commerce.analytics;

import static io.commerce.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.commerce.Api;
import io.commerce.IntegrationTest;
import io.commerce.messaging.MessagingFixtures;
import io.commerce.order.OrderAttribution;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each attribution rule and each window's edge, on real PostgreSQL: messages as the outbox stores them (with
 * their delivery time) and clicks as the redirect records them, then an order placed through the API.
 */
@IntegrationTest
class AttributionRulesTest {

    private static final Instant PLACED = Instant.parse("2026-11-20T12:00:00Z");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Attributions attributions;

    @Autowired
    JsonMapper json;

    private String customerId;
    private String productId;

    @BeforeEach
    void customer() {
        customerId = Api.uniqueId("attr");
        productId = Api.uniqueId("p");
        json(mvc, HttpMethod.PUT, "/api/v1/customers/" + customerId, Api.customer(MessagingFixtures.uniquePhone()))
                .assertThat()
                .hasStatus2xxSuccessful();
        json(mvc, HttpMethod.PUT, "/api/v1/products/" + productId, Api.product(5, "89.95"))
                .assertThat()
                .hasStatus2xxSuccessful();
    }

    @Test
    void aMessageDeliveredExactlyAtTheViewWindowsStartStillCounts() {
        var message = delivered("campaign", "c-1", PLACED.minus(Duration.ofHours(24)));

        assertThat(attributionOf(placeOrder())).hasValueSatisfying(attribution -> {
            assertThat(attribution.messageId()).isEqualTo(message);
            assertThat(attribution.touch()).isEqualTo("view");
            assertThat(attribution.campaignId()).isEqualTo("c-1");
        });
    }

    @Test
    void aMessageDeliveredJustBeforeTheViewWindowDoesNot() {
        delivered("campaign", "c-1", PLACED.minus(Duration.ofHours(24)).minusSeconds(1));

        var order = placeOrder();
        awaitHandled(order);
        assertThat(attributions.of(order)).isEmpty();
    }

    @Test
    void aClickInsideTheClickWindowBeatsALaterDelivery() {
        var clicked = delivered("abandoned_cart/1", "e-1", PLACED.minus(Duration.ofDays(5)));
        click(clicked, PLACED.minus(Duration.ofDays(5)).plusSeconds(60));
        delivered("campaign", "c-2", PLACED.minus(Duration.ofHours(1)));

        assertThat(attributionOf(placeOrder())).hasValueSatisfying(attribution -> {
            assertThat(attribution.messageId()).isEqualTo(clicked);
            assertThat(attribution.touch()).isEqualTo("click");
            assertThat(attribution.journey()).isEqualTo("abandoned_cart");
            assertThat(attribution.step()).isEqualTo("1");
        });
    }

    @Test
    void aClickJustBeforeTheClickWindowLosesToADeliveryInsideTheViewWindow() {
        var clicked = delivered("abandoned_cart/1", "e-1", PLACED.minus(Duration.ofDays(6)));
        click(clicked, PLACED.minus(Duration.ofDays(5)).minusSeconds(60));
        var seen = delivered("campaign", "c-2", PLACED.minus(Duration.ofHours(1)));

        assertThat(attributionOf(placeOrder())).hasValueSatisfying(attribution -> {
            assertThat(attribution.messageId()).isEqualTo(seen);
            assertThat(attribution.touch()).isEqualTo("view");
        });
    }

    @Test
    void theMessageWhoseCodeTheOrderRedeemedTakesTheAttributionFromAClick() throws Exception {
        var issued = json(mvc, HttpMethod.POST, "/api/v1/discount-codes", """
                        {"customerId": "%s", "kind": "percent", "value": 10, "validFor": "P30D", "reason": "win_back"}""".formatted(customerId))
                .exchange();
        var code = json.readTree(issued.getResponse().getContentAsString())
                .path("code")
                .asString();
        var carrier = delivered("win_back/1", "e-9", PLACED.minus(Duration.ofDays(10)), code);
        var clicked = delivered("campaign", "c-3", PLACED.minus(Duration.ofHours(3)));
        click(clicked, PLACED.minus(Duration.ofHours(2)));
        var order = placeOrder();
        assertThat(attributionOf(order))
                .hasValueSatisfying(a -> assertThat(a.touch()).isEqualTo("click"));

        json(mvc, HttpMethod.POST, "/api/v1/discount-codes/" + code + "/redemptions", """
                        {"orderId": "%s", "orderTotal": 89.95, "currency": "EUR"}""".formatted(order))
                .assertThat()
                .hasStatus2xxSuccessful();

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(attributions.of(order)).hasValueSatisfying(attribution -> {
                    assertThat(attribution.messageId()).isEqualTo(carrier);
                    assertThat(attribution.touch()).isEqualTo("code");
                    assertThat(attribution.journey()).isEqualTo("win_back");
                }));
        var counted = jdbc.sql("""
                        select coalesce(sum(orders), 0) from (
                            select orders, journey, campaign_id from performance_delta
                            union all select orders, journey, campaign_id from performance_hour) f
                         where journey = 'win_back' or campaign_id = 'c-3'
                        """).query(Long.class).single();
        assertThat(counted).isEqualTo(1); // moved from the click's campaign to the code's journey, counted once
    }

    @Test
    void aReturnsRefundComesOffTheAttributedRevenueOnceAndTheOrderStillCounts() {
        var campaign = Api.uniqueId("c-ret");
        delivered("campaign", campaign, PLACED.minus(Duration.ofHours(2)));
        var order = placeOrder();
        assertThat(attributionOf(order)).isPresent();
        json(mvc, HttpMethod.POST, "/api/v1/orders/" + order + "/shipments", """
                        {"carrier": "DHL", "trackingNumber": "JD0146"}""")
                .assertThat()
                .hasStatus2xxSuccessful();
        json(mvc, HttpMethod.POST, "/api/v1/orders/" + order + "/delivery", """
                        {"deliveredAt": "%s"}""".formatted(
                                PLACED.plus(Duration.ofDays(2))))
                .assertThat()
                .hasStatus2xxSuccessful();

        json(mvc, HttpMethod.POST, "/api/v1/orders/" + order + "/returns", """
                        {"lines": [{"variantId": "v-42", "quantity": 1}], "amount": 30.00}""")
                .assertThat()
                .hasStatus2xxSuccessful();

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(ordersAndRevenue(campaign)).isEqualTo("1/59.95"));
        var returnId = jdbc.sql("select return_id from attribution_return where order_id = :order")
                .param("order", order)
                .query(String.class)
                .single();
        assertThat(attributions.takeBack(order, returnId, new BigDecimal("30.00"), PLACED.plus(Duration.ofDays(3))))
                .as("the same return once more, as a redelivered event brings it")
                .isFalse();
        assertThat(ordersAndRevenue(campaign)).isEqualTo("1/59.95");
    }

    @Test
    void anOptOutCountsForTheLastMessageTheCustomerSawOnThatChannel() {
        var campaign = Api.uniqueId("c-out");
        delivered("campaign", campaign, Instant.now().minus(Duration.ofHours(1)));
        for (var status : List.of("granted", "withdrawn")) {
            json(mvc, HttpMethod.PUT, "/api/v1/customers/" + customerId + "/consents/whatsapp/marketing", """
                            {"status": "%s", "source": "test"}""".formatted(
                                    status))
                    .assertThat()
                    .hasStatus2xxSuccessful();
        }

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.sql("""
                                select coalesce(sum(opted_out), 0) from (
                                    select opted_out, campaign_id from performance_delta
                                    union all select opted_out, campaign_id from performance_hour) f
                                 where campaign_id = :campaign
                                """)
                                .param("campaign", campaign)
                                .query(Long.class)
                                .single())
                        .isEqualTo(1));
    }

    /** The campaign's attributed orders and revenue in the funnel, folded or not, as orders/revenue. */
    private String ordersAndRevenue(String campaign) {
        return jdbc.sql("""
                        select coalesce(sum(orders), 0) || '/' || coalesce(sum(revenue), 0) from (
                            select orders, revenue, campaign_id from performance_delta
                            union all select orders, revenue, campaign_id from performance_hour) f
                         where campaign_id = :campaign
                        """).param("campaign", campaign).query(String.class).single();
    }

    private Optional<OrderAttribution> attributionOf(String orderId) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> attributions.of(orderId).isPresent());
        return attributions.of(orderId);
    }

    /** Waits until the order's placement was handled (its event publication completed). */
    private void awaitHandled(String orderId) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("select count(*) from event_publication where completion_date is null"
                                        + " and serialized_event like :order")
                                .param("order", "%" + orderId + "%")
                                .query(Long.class)
                                .single()
                        == 0);
    }

    private String placeOrder() {
        var orderId = Api.uniqueId("o");
        json(mvc, HttpMethod.PUT, "/api/v1/orders/" + orderId, """
                        {"customerId": "%s", "currency": "EUR", "total": 89.95, "placedAt": "%s",
                         "lines": [{"productId": "%s", "variantId": "v-42", "quantity": 1, "unitPrice": 89.95}]}""".formatted(customerId, PLACED, productId))
                .assertThat()
                .hasStatus(org.springframework.http.HttpStatus.CREATED);
        return orderId;
    }

    private String delivered(String origin, String ref, Instant at) {
        return delivered(origin, ref, at, "Hola");
    }

    /** A message as the outbox stores it once delivered at {@code at}, saying {@code body}. */
    private String delivered(String origin, String ref, Instant at, String body) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                        insert into message (id, customer_id, channel, purpose, category, status, recipient, template_key,
                                             content, origin, origin_ref, attempts, next_attempt_at, created_at, updated_at)
                        values (:id, :customerId, 'WHATSAPP', 'MARKETING', 'MARKETING', 'DELIVERED', '+34612345678',
                                'promo', cast(:content as jsonb), :origin, :ref, 1, :sentAt, :sentAt, :at)
                        """)
                .param("id", id)
                .param("customerId", customerId)
                .param("content", "{\"kind\": \"text\", \"body\": \"%s\", \"previewUrl\": false}".formatted(body))
                .param("origin", origin)
                .param("ref", ref)
                .param("sentAt", Timestamp.from(at.minusSeconds(5)))
                .param("at", Timestamp.from(at))
                .update();
        jdbc.sql("insert into message_status_change (message_id, status, at) values (:id, 'DELIVERED', :at)")
                .param("id", id)
                .param("at", Timestamp.from(at))
                .update();
        return id.toString();
    }

    /** A click as the redirect records it, with its message's origin, template and variant. */
    private void click(String messageId, Instant at) {
        jdbc.sql("""
                        insert into link_click (token, message_id, customer_id, channel, clicked_at, robot, first,
                                                origin, origin_ref, template_key, variant)
                        select 't', m.id, m.customer_id, m.channel, :at, false, true, m.origin, m.origin_ref,
                               m.template_key, m.variant
                          from message m where m.id = :messageId
                        """)
                .param("messageId", UUID.fromString(messageId))
                .param("at", Timestamp.from(at))
                .update();
    }
}
