package io.commerce.platform;

import static io.commerce.Api.json;
import static io.commerce.Api.mirrorCustomerAndProduct;
import static io.commerce.Api.order;
import static io.commerce.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import io.commerce.IntegrationTest;
import io.commerce.order.OrderShipped;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class IdempotencyKeyTest {

    private static final String SHIPMENT = """
            {"carrier": "DHL", "trackingNumber": "JD0146"}""";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationEvents events;

    @Autowired
    JdbcClient jdbc;

    String orderPath;

    @BeforeEach
    void placeOrder() {
        var customerId = uniqueId("c");
        var productId = uniqueId("p");
        orderPath = "/api/v1/orders/" + uniqueId("o");
        mirrorCustomerAndProduct(mvc, customerId, productId);
        json(mvc, HttpMethod.PUT, orderPath, order(customerId, null, productId)).exchange();
    }

    @Test
    void replayReturnsTheFirstResponseWithoutDoingTheWorkAgain() throws Exception {
        var key = uniqueId("key");
        var first = json(mvc, HttpMethod.POST, orderPath + "/shipments", SHIPMENT)
                .header("Idempotency-Key", key)
                .exchange();

        var replay =
                json(mvc, HttpMethod.POST, orderPath + "/shipments", SHIPMENT).header("Idempotency-Key", key);

        assertThat(replay).hasStatus(HttpStatus.CREATED).hasHeader("Idempotent-Replayed", "true");
        assertThat(replay).hasBodyTextEqualTo(first.getResponse().getContentAsString());
        assertThat(events.stream(OrderShipped.class)).hasSize(1);
    }

    @Test
    void withoutAKeyTheSameRequestRunsAgain() {
        json(mvc, HttpMethod.POST, orderPath + "/shipments", SHIPMENT).exchange();
        json(mvc, HttpMethod.POST, orderPath + "/shipments", SHIPMENT).exchange();

        assertThat(events.stream(OrderShipped.class)).hasSize(2);
    }

    @Test
    void sameKeyWithADifferentBodyIs422() {
        var key = uniqueId("key");
        json(mvc, HttpMethod.POST, orderPath + "/shipments", SHIPMENT)
                .header("Idempotency-Key", key)
                .exchange();

        assertThat(json(
                                mvc,
                                HttpMethod.POST,
                                orderPath + "/shipments",
                                "{\"carrier\": \"UPS\", \"trackingNumber\": \"1Z\"}")
                        .header("Idempotency-Key", key))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(events.stream(OrderShipped.class)).hasSize(1);
    }

    @Test
    void aKeyWhoseFirstRequestIsStillRunningIs409() {
        var key = uniqueId("key");
        json(mvc, HttpMethod.POST, orderPath + "/shipments", SHIPMENT)
                .header("Idempotency-Key", key)
                .exchange();
        jdbc.sql("update idempotency_record set status = null, body = null, locked_at = ? where idempotency_key = ?")
                .param(Timestamp.from(Instant.now()))
                .param(key)
                .update();

        assertThat(json(mvc, HttpMethod.POST, orderPath + "/shipments", SHIPMENT)
                        .header("Idempotency-Key", key))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("IDEMPOTENCY_KEY_IN_USE");
    }

    @Test
    void aKeyAbandonedByACrashIsTakenOverAfterTheLockTimeout() {
        var key = uniqueId("key");
        json(mvc, HttpMethod.POST, orderPath + "/shipments", SHIPMENT)
                .header("Idempotency-Key", key)
                .exchange();
        jdbc.sql("update idempotency_record set status = null, body = null, locked_at = ? where idempotency_key = ?")
                .param(Timestamp.from(Instant.now().minusSeconds(3600)))
                .param(key)
                .update();

        assertThat(json(mvc, HttpMethod.POST, orderPath + "/shipments", SHIPMENT)
                        .header("Idempotency-Key", key))
                .hasStatus(HttpStatus.CREATED)
                .doesNotContainHeader("Idempotent-Replayed");
    }

    @Test
    void failedRequestsAreRememberedToo() {
        var key = uniqueId("key");
        var path = "/api/v1/orders/" + uniqueId("missing") + "/shipments";
        json(mvc, HttpMethod.POST, path, SHIPMENT)
                .header("Idempotency-Key", key)
                .exchange();

        assertThat(json(mvc, HttpMethod.POST, path, SHIPMENT).header("Idempotency-Key", key))
                .hasStatus(HttpStatus.NOT_FOUND)
                .hasHeader("Idempotent-Replayed", "true");
    }
}
