package io.commerce.order;

import static io.commerce.Api.get;
import static io.commerce.Api.json;
import static io.commerce.Api.mirrorCustomerAndProduct;
import static io.commerce.Api.order;
import static io.commerce.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import io.commerce.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class OrderApiTest {

    private static final String SHIPMENT = """
            {"carrier": "DHL", "trackingNumber": "JD0146", "trackingUrl": "https://dhl.example/JD0146"}""";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationEvents events;

    String customerId;
    String productId;
    String orderPath;

    @BeforeEach
    void mirrorShopData() {
        customerId = uniqueId("c");
        productId = uniqueId("p");
        orderPath = "/api/v1/orders/" + uniqueId("o");
        mirrorCustomerAndProduct(mvc, customerId, productId);
    }

    @Autowired
    OrderService orders;

    @Test
    void recentOrdersAreTheCustomersNewestFirstAsStoredWithLinesAndShipments() {
        var older = "/api/v1/orders/" + uniqueId("o");
        assertThat(json(
                        mvc,
                        HttpMethod.PUT,
                        older,
                        order(customerId, null, productId).replace("2026-11-23T10:15:30Z", "2026-11-20T08:00:00Z")))
                .hasStatus(HttpStatus.CREATED);
        assertThat(json(mvc, HttpMethod.PUT, orderPath, order(customerId, null, productId)))
                .hasStatus(HttpStatus.CREATED);
        assertThat(json(mvc, HttpMethod.POST, orderPath + "/shipments", SHIPMENT))
                .hasStatus(HttpStatus.CREATED);
        var newest = orderPath.substring(orderPath.lastIndexOf('/') + 1);
        var oldest = older.substring(older.lastIndexOf('/') + 1);

        var recent = orders.recentOrders(customerId, 5);

        assertThat(recent).containsExactly(orders.get(newest), orders.get(oldest));
        assertThat(recent.getFirst().shipments())
                .singleElement()
                .satisfies(shipment -> assertThat(shipment.trackingUrl()).isEqualTo("https://dhl.example/JD0146"));
        assertThat(recent.getFirst().lines()).hasSize(1);
        assertThat(orders.recentOrders(customerId, 1)).hasSize(1);
    }

    @Test
    void placesOrderOnceAndPublishesOrderPlaced() {
        var created = json(mvc, HttpMethod.PUT, orderPath, order(customerId, null, productId));
        var again = json(mvc, HttpMethod.PUT, orderPath, order(customerId, null, productId));

        assertThat(created)
                .hasStatus(HttpStatus.CREATED)
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("placed");
        assertThat(again).hasStatus(HttpStatus.OK);
        assertThat(events.stream(OrderPlaced.class)).singleElement().satisfies(event -> {
            assertThat(event.customerId()).isEqualTo(customerId);
            assertThat(event.total().amount()).isEqualByComparingTo("89.95");
            assertThat(event.lines()).hasSize(1);
        });
        assertThat(get(mvc, orderPath)).bodyJson().extractingPath("$.placedAt").isEqualTo("2026-11-23T10:15:30Z");
    }

    @Test
    void shipsDeliversAndPublishesEachStep() {
        json(mvc, HttpMethod.PUT, orderPath, order(customerId, null, productId)).exchange();

        assertThat(json(mvc, HttpMethod.POST, orderPath + "/shipments", SHIPMENT))
                .hasStatus(HttpStatus.CREATED)
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("shipped");
        assertThat(json(mvc, HttpMethod.POST, orderPath + "/delivery", "{\"deliveredAt\": \"2026-11-25T09:00:00Z\"}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.deliveredAt")
                .isEqualTo("2026-11-25T09:00:00Z");

        assertThat(events.stream(OrderShipped.class))
                .singleElement()
                .satisfies(
                        event -> assertThat(event.shipment().trackingNumber()).isEqualTo("JD0146"));
        assertThat(events.stream(OrderDelivered.class))
                .singleElement()
                .extracting(OrderDelivered::customerId)
                .isEqualTo(customerId);
    }

    @Test
    void cancelsAPlacedOrder() {
        json(mvc, HttpMethod.PUT, orderPath, order(customerId, null, productId)).exchange();

        assertThat(json(mvc, HttpMethod.POST, orderPath + "/cancellation", "{\"reason\": \"customer request\"}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("cancelled");
        assertThat(events.stream(OrderCancelled.class))
                .singleElement()
                .extracting(OrderCancelled::reason)
                .isEqualTo("customer request");
    }

    @Test
    void impossibleTransitionsAre409AndPublishNothing() {
        json(mvc, HttpMethod.PUT, orderPath, order(customerId, null, productId)).exchange();

        assertThat(json(mvc, HttpMethod.POST, orderPath + "/delivery", "{}"))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("INVALID_ORDER_TRANSITION");
        json(mvc, HttpMethod.POST, orderPath + "/cancellation", "{}").exchange();
        assertThat(json(mvc, HttpMethod.POST, orderPath + "/shipments", SHIPMENT))
                .hasStatus(HttpStatus.CONFLICT);
        assertThat(json(mvc, HttpMethod.POST, orderPath + "/cancellation", "{}"))
                .hasStatus(HttpStatus.CONFLICT);
        assertThat(events.stream(OrderDelivered.class)).isEmpty();
        assertThat(events.stream(OrderShipped.class)).isEmpty();
        assertThat(events.stream(OrderCancelled.class)).hasSize(1);
    }

    @Test
    void unknownOrdersCustomersAndBadShipmentsAreRefused() {
        assertThat(get(mvc, orderPath))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("ORDER_NOT_FOUND");
        assertThat(json(mvc, HttpMethod.POST, orderPath + "/shipments", SHIPMENT))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(json(mvc, HttpMethod.PUT, orderPath, order(uniqueId("nobody"), null, productId)))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        json(mvc, HttpMethod.PUT, orderPath, order(customerId, null, productId)).exchange();
        assertThat(json(mvc, HttpMethod.POST, orderPath + "/shipments", "{\"carrier\": \"DHL\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("trackingNumber");
    }
}
