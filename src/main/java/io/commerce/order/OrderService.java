package io.commerce.order;

import io.commerce.cart.CartService;
import io.commerce.catalog.CatalogService;
import io.commerce.customer.CustomerService;
import io.commerce.shared.Upserted;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The order module's public face: mirror orders and move them through shipping, delivery, cancellation. */
@Service
public class OrderService {

    private final OrderRepository orders;
    private final CustomerService customers;
    private final CatalogService catalog;
    private final CartService carts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrderService(
            OrderRepository orders,
            CustomerService customers,
            CatalogService catalog,
            CartService carts,
            ApplicationEventPublisher events,
            Clock clock) {
        this.orders = orders;
        this.customers = customers;
        this.catalog = catalog;
        this.carts = carts;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates or updates an order. A new order publishes {@link OrderPlaced}; an order naming a cart
     * converts it (in the same transaction).
     */
    @Transactional
    public Upserted<OrderView> upsert(String orderId, OrderDetails details) {
        customers.requireReferenced(details.customerId());
        catalog.requireVariants(details.lines());
        var now = clock.instant();
        var existing = orders.findById(orderId);
        Order order;
        if (existing.isPresent()) {
            order = existing.get();
            order.update(details, now);
        } else {
            order = orders.save(Order.place(orderId, details, now));
            events.publishEvent(order.placed());
        }
        if (order.cartId() != null) {
            carts.convert(order.cartId(), orderId);
        }
        return new Upserted<>(order.view(), existing.isEmpty());
    }

    @Transactional(readOnly = true)
    public OrderView get(String orderId) {
        return order(orderId).view();
    }

    /** Only the order's status, read without its lines and shipments (journeys check it at every step). */
    @Transactional(readOnly = true)
    public OrderStatus status(String orderId) {
        return orders.findStatus(orderId).orElseThrow(() -> new OrderNotFoundException(orderId));
    }

    @Transactional
    public OrderView ship(String orderId, Shipment shipment) {
        var order = order(orderId);
        events.publishEvent(order.ship(shipment, clock.instant()));
        return order.view();
    }

    @Transactional
    public OrderView deliver(String orderId, Instant deliveredAt) {
        var order = order(orderId);
        events.publishEvent(order.deliver(deliveredAt, clock.instant()));
        return order.view();
    }

    @Transactional
    public OrderView cancel(String orderId, String reason) {
        var order = order(orderId);
        events.publishEvent(order.cancel(reason, clock.instant()));
        return order.view();
    }

    private Order order(String orderId) {
        return orders.findById(orderId).orElseThrow(() -> new OrderNotFoundException(orderId));
    }
}
