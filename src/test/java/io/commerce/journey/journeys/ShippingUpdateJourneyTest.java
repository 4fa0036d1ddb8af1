package io.commerce.journey.journeys;

import static io.commerce.Api.json;
import static io.commerce.Api.mirrorCustomerAndProduct;
import static io.commerce.Api.order;
import static io.commerce.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.commerce.IntegrationTest;
import io.commerce.journey.engine.Decisions;
import io.commerce.journey.engine.Enrollments;
import io.commerce.journey.engine.JourneyRunner;
import io.commerce.journey.engine.Step;
import io.commerce.order.OrderShipped;
import io.commerce.order.Shipment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class ShippingUpdateJourneyTest {

    private static final String SHIPMENT = """
            {"carrier": "DHL", "trackingNumber": "JD0146", "trackingUrl": "https://dhl.example/JD0146"}""";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JourneyRunner runner;

    @Autowired
    ShippingUpdateJourney journey;

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
        // other tests leave enrollments behind: park them so each runOnce here sees only this test's
        jdbc.sql("update enrollment set next_run_at = 'infinity' where status = 'ACTIVE'")
                .update();
    }

    @Test
    void aShippedOrderGetsTheTrackingLinkOnce() {
        var orderId = placeAndShip();

        runner.runOnce();

        var messages = jdbc.sql("select template_key, sms_text, channel from message where customer_id = ?"
                        + " and origin like 'shipping_update/%'")
                .param(customerId)
                .query()
                .listOfRows();
        assertThat(messages).singleElement().satisfies(message -> {
            assertThat(message.get("template_key")).isEqualTo("shipping_update");
            assertThat(message.get("channel")).isEqualTo("WHATSAPP");
            assertThat((String) message.get("sms_text")).contains(orderId, "DHL", "https://dhl.example/JD0146");
        });
        assertThat(status(orderId)).isEqualTo("COMPLETED");
    }

    @Test
    void aRepeatedEventEnrollsOnce() {
        var orderId = placeAndShip();
        journey.on(new OrderShipped(
                orderId, customerId, new Shipment("DHL", "JD0146", null, Instant.now()), Instant.now()));

        assertThat(jdbc.sql("select count(*) from enrollment where trigger_id like ?")
                        .param(orderId + "/%")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aCancelledOrderExitsBeforeAnythingIsSent() {
        var orderId = placeAndShip();
        json(mvc, HttpMethod.POST, "/api/v1/orders/" + orderId + "/cancellation", "{}")
                .exchange();

        runner.runOnce();

        assertThat(status(orderId)).isEqualTo("EXITED");
        assertThat(exitReason(orderId)).isEqualTo("ORDER_CANCELLED");
        assertThat(messagesTo(customerId)).isZero();
    }

    @Test
    void withoutConsentTheEnrollmentExitsWithTheReason() {
        json(mvc, HttpMethod.PUT, "/api/v1/customers/" + customerId + "/consents/whatsapp/transactional", """
                {"status": "withdrawn", "source": "settings"}""")
                .exchange();
        var orderId = placeAndShip();

        runner.runOnce();

        assertThat(exitReason(orderId)).isEqualTo("CONSENT_REQUIRED");
        assertThat(messagesTo(customerId)).isZero();
    }

    @Test
    void twoRunnersNeverAdvanceAnEnrollmentTwice() throws Exception {
        var orders = new ArrayList<String>();
        for (int i = 0; i < 40; i++) {
            orders.add(placeAndShip());
        }
        try (var instances = Executors.newFixedThreadPool(2)) {
            for (int i = 0; i < 2; i++) {
                instances.submit(() -> {
                    while (runner.runOnce() > 0) {
                        // drain
                    }
                    return null;
                });
            }
        }

        assertThat(orders).allSatisfy(orderId -> assertThat(status(orderId)).isEqualTo("COMPLETED"));
        assertThat(messagesTo(customerId)).isEqualTo(40);
    }

    @Test
    void aRunnerWhoseLeaseRanOutCannotAdvanceTheEnrollment(
            @Autowired Enrollments enrollments, @Autowired Decisions decisions) {
        var orderId = placeAndShip();
        var stale = enrollments.claimDue(100, Instant.now(), Duration.ZERO).stream()
                .filter(e -> e.triggerId().equals(orderId + "/JD0146"))
                .findFirst()
                .orElseThrow();

        runner.runOnce(); // another runner takes the expired lease over and completes the step

        assertThat(decisions.record(List.of(new Decisions.Decision(stale, Step.exit("LATE"))), Instant.now()))
                .isFalse();
        assertThat(status(orderId)).isEqualTo("COMPLETED");
        assertThat(messagesTo(customerId)).isEqualTo(1);
    }

    private String placeAndShip() {
        var orderId = uniqueId("o");
        json(mvc, HttpMethod.PUT, "/api/v1/orders/" + orderId, order(customerId, null, productId))
                .exchange();
        json(mvc, HttpMethod.POST, "/api/v1/orders/" + orderId + "/shipments", SHIPMENT)
                .exchange();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("select count(*) from enrollment where trigger_id = ?")
                                .param(orderId + "/JD0146")
                                .query(Long.class)
                                .single()
                        == 1);
        return orderId;
    }

    private String status(String orderId) {
        return jdbc.sql("select status from enrollment where trigger_id = ?")
                .param(orderId + "/JD0146")
                .query(String.class)
                .single();
    }

    private String exitReason(String orderId) {
        return jdbc.sql("select exit_reason from enrollment where trigger_id = ?")
                .param(orderId + "/JD0146")
                .query(String.class)
                .single();
    }

    /** Shipping updates only: the order placed also gets its summary. */
    private long messagesTo(String customer) {
        return jdbc.sql("select count(*) from message where customer_id = ? and template_key = 'shipping_update'")
                .param(customer)
                .query(Long.class)
                .single();
    }
}
