package io.commerce.platform;

import static io.commerce.Api.json;
import static io.commerce.Api.mirrorCustomerAndProduct;
import static io.commerce.Api.order;
import static io.commerce.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.commerce.IntegrationTest;
import io.commerce.RecordingListener;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Events reach module listeners through the JDBC event publication registry: a listener that fails
 * leaves its publication in the table, and resubmission (as on restart) delivers it later.
 */
@IntegrationTest
class DurableEventsTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    RecordingListener listener;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IncompleteEventPublications incomplete;

    @AfterEach
    void healListener() {
        listener.failing(false);
    }

    @Test
    void aFailedDeliveryIsKeptAndDeliveredOnResubmission() {
        var orderId = placeOrder(true);

        await().atMost(Duration.ofSeconds(10)).until(() -> incompletePublications(orderId) == 1);
        assertThat(listener.received()).noneMatch(event -> event.orderId().equals(orderId));

        listener.failing(false);
        incomplete.resubmitIncompletePublications(
                publication -> publication.getEvent().toString().contains(orderId));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> listener.received().stream()
                        .anyMatch(event -> event.orderId().equals(orderId)));
        await().atMost(Duration.ofSeconds(10)).until(() -> incompletePublications(orderId) == 0);
    }

    @Test
    void aFailedDeliveryIsRedeliveredByTheScheduledResubmission(@Autowired EventResubmission resubmission) {
        var orderId = placeOrder(true);
        await().atMost(Duration.ofSeconds(10)).until(() -> incompletePublications(orderId) == 1);

        listener.failing(false);
        resubmission.resubmitStale();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> listener.received().stream()
                        .anyMatch(event -> event.orderId().equals(orderId)));
        await().atMost(Duration.ofSeconds(10)).until(() -> incompletePublications(orderId) == 0);
    }

    @Test
    void aSuccessfulDeliveryCompletesThePublication() {
        var orderId = placeOrder(false);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> listener.received().stream()
                        .anyMatch(event -> event.orderId().equals(orderId)));
        await().atMost(Duration.ofSeconds(10)).until(() -> incompletePublications(orderId) == 0);
    }

    private String placeOrder(boolean listenerFails) {
        var customerId = uniqueId("c");
        var productId = uniqueId("p");
        var orderId = uniqueId("o");
        mirrorCustomerAndProduct(mvc, customerId, productId);
        listener.failing(listenerFails);
        json(mvc, HttpMethod.PUT, "/api/v1/orders/" + orderId, order(customerId, null, productId))
                .exchange();
        return orderId;
    }

    private long incompletePublications(String orderId) {
        return jdbc.sql("select count(*) from event_publication where completion_date is null"
                        + " and event_type like '%OrderPlaced' and serialized_event like :id")
                .param("id", "%\"" + orderId + "\"%")
                .query(Long.class)
                .single();
    }
}
