package io.commerce.order;

import io.commerce.shared.ShopId;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/orders/{orderId}")
class OrderController {

    /** {@code POST .../delivery}: when the parcel arrived (now, when absent). */
    record Delivery(Instant deliveredAt) {}

    /** {@code POST .../cancellation}: why the order was cancelled. */
    record Cancellation(@Size(max = 500) String reason) {}

    private final OrderService orders;
    private final ObjectProvider<OrderAttributions> attributions;

    OrderController(OrderService orders, ObjectProvider<OrderAttributions> attributions) {
        this.orders = orders;
        this.attributions = attributions;
    }

    @PutMapping
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "Updated, or unchanged", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "422", ref = "#/components/responses/UnprocessableContent")
    ResponseEntity<OrderView> upsertOrder(
            @PathVariable @ShopId String orderId, @Valid @RequestBody OrderDetails details) {
        return orders.upsert(orderId, details).toResponse();
    }

    @GetMapping
    OrderView getOrder(@PathVariable @ShopId String orderId) {
        var order = orders.get(orderId);
        var lookup = attributions.getIfAvailable();
        return lookup == null ? order : order.attributedTo(lookup.of(orderId).orElse(null));
    }

    @PostMapping("/shipments")
    @ResponseStatus(HttpStatus.CREATED)
    OrderView shipOrder(@PathVariable @ShopId String orderId, @Valid @RequestBody Shipment shipment) {
        return orders.ship(orderId, shipment);
    }

    @PostMapping("/delivery")
    OrderView deliverOrder(
            @PathVariable @ShopId String orderId, @Valid @RequestBody(required = false) Delivery delivery) {
        return orders.deliver(orderId, delivery == null ? null : delivery.deliveredAt());
    }

    /** A return after delivery; the order stays delivered, its points are taken back in proportion. */
    @PostMapping("/returns")
    @ResponseStatus(HttpStatus.CREATED)
    OrderReturn returnOrder(@PathVariable @ShopId String orderId, @Valid @RequestBody ReturnRequest request) {
        return orders.recordReturn(orderId, request);
    }

    @GetMapping("/returns")
    List<OrderReturn> listReturns(@PathVariable @ShopId String orderId) {
        return orders.returnsOf(orderId);
    }

    @PostMapping("/cancellation")
    OrderView cancelOrder(
            @PathVariable @ShopId String orderId, @Valid @RequestBody(required = false) Cancellation cancellation) {
        return orders.cancel(orderId, cancellation == null ? null : cancellation.reason());
    }
}
