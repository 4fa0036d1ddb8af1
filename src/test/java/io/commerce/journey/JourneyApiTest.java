package io.commerce.journey;

import static io.commerce.Api.get;
import static io.commerce.Api.json;
import static io.commerce.Api.mirrorCustomerAndProduct;
import static io.commerce.Api.order;
import static io.commerce.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.commerce.IntegrationTest;
import io.commerce.journey.engine.JourneyRunner;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** What operators and marketers read: the journeys with settings and counts, and a customer's timeline. */
@IntegrationTest
class JourneyApiTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JourneyRunner runner;

    @Autowired
    JdbcClient jdbc;

    String customerId;
    String productId;

    @BeforeEach
    void customerWhoAllowsWhatsApp() {
        customerId = uniqueId("c");
        productId = uniqueId("p");
        mirrorCustomerAndProduct(mvc, customerId, productId);
        json(mvc, HttpMethod.PUT, "/api/v1/customers/" + customerId + "/consents/whatsapp/transactional", """
                {"status": "granted", "source": "checkout"}""")
                .exchange();
        jdbc.sql("update enrollment set next_run_at = 'infinity' where status = 'ACTIVE'")
                .update();
    }

    @Test
    void journeysAreListedWithTheirStageSettingsAndCounts() {
        shipAnOrder();
        runner.runOnce();

        assertThat(get(mvc, "/api/v1/journeys")).hasStatusOk().bodyJson().satisfies(body -> {
            assertThat(body)
                    .extractingPath("$[?(@.name == 'shipping_update')].stage")
                    .asArray()
                    .containsExactly("post-purchase");
            assertThat(body)
                    .extractingPath("$[?(@.name == 'shipping_update')].settings.enabled")
                    .asArray()
                    .containsExactly(true);
        });
        assertThat(get(mvc, "/api/v1/journeys/shipping_update"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.enrollments.completed")
                .asNumber()
                .satisfies(completed -> assertThat(completed.longValue()).isPositive());
    }

    @Test
    void anUnknownJourneyIsAProblem() {
        assertThat(get(mvc, "/api/v1/journeys/nope"))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("JOURNEY_NOT_FOUND");
    }

    @Test
    void theTimelineShowsJourneysMessagesAndCodesInOrder() {
        shipAnOrder();
        runner.runOnce();
        json(mvc, HttpMethod.POST, "/api/v1/discount-codes", """
                {"customerId": "%s", "kind": "percent", "value": 10, "currency": "EUR",
                 "validFor": "P7D", "reason": "goodwill"}""".formatted(customerId))
                .assertThat()
                .hasStatus(HttpStatus.CREATED);
        // loyalty's message: its origin has a slash like a journey step's, but names no journey
        jdbc.sql("""
                        insert into message (id, customer_id, channel, purpose, category, status, recipient, template_key,
                                             content, origin, attempts, next_attempt_at, created_at, updated_at)
                        select gen_random_uuid(), :customerId, 'WHATSAPP', 'TRANSACTIONAL', 'UTILITY', 'DELIVERED',
                               '+34600000000', 'loyalty_points_available',
                               '{"kind": "template", "key": "loyalty_points_available", "params": {}}',
                               'loyalty/points_available', 1, now(), now() - interval '1 hour', now()
                        """).param("customerId", customerId).update();

        assertThat(get(mvc, "/api/v1/customers/" + customerId + "/timeline"))
                .hasStatusOk()
                .bodyJson()
                .satisfies(body -> {
                    // the order summary journey runs alongside; the shipping update's entries keep their order
                    assertThat(body)
                            .extractingPath("$.entries[?(@.journey == 'shipping_update')].kind")
                            .asArray()
                            .containsExactly("journey_entered", "message", "journey_ended");
                    assertThat(body)
                            .extractingPath("$.entries[?(@.journey == 'shipping_update')].detail")
                            .asArray()
                            .contains("shipping_update");
                    assertThat(body)
                            .extractingPath("$.entries[?(@.journey == 'shipping_update')].status")
                            .asArray()
                            .contains("completed");
                    assertThat(body)
                            .extractingPath("$.entries[?(@.detail == 'loyalty_points_available')].journey")
                            .asArray()
                            .containsExactly((Object) null);
                    assertThat(body)
                            .extractingPath("$.entries[-1:].detail")
                            .asArray()
                            .containsExactly("10% (goodwill)");
                });
    }

    @Test
    void anUnknownCustomerHasNoTimeline() {
        assertThat(get(mvc, "/api/v1/customers/nobody-" + uniqueId("x") + "/timeline"))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("CUSTOMER_NOT_FOUND");
    }

    private void shipAnOrder() {
        var orderId = uniqueId("o");
        json(mvc, HttpMethod.PUT, "/api/v1/orders/" + orderId, order(customerId, null, productId))
                .exchange();
        json(mvc, HttpMethod.POST, "/api/v1/orders/" + orderId + "/shipments", """
                {"carrier": "DHL", "trackingNumber": "JD0146", "trackingUrl": "https://dhl.example/JD0146"}""")
                .exchange();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("select count(*) from enrollment where trigger_id = ?")
                                .param(orderId + "/JD0146")
                                .query(Long.class)
                                .single()
                        == 1);
    }
}
