package io.commerce.order;

import io.commerce.cart.CartService;
import io.commerce.catalog.CatalogService;
import io.commerce.customer.CustomerService;
import io.commerce.shared.InvalidValueException;
import io.commerce.shared.Money;
import io.commerce.shared.Upserted;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The order module's public face: mirror orders and move them through shipping, delivery, cancellation. */
@Service
public class OrderService {

    private final OrderRepository orders;
    private final OrderHistory history;
    private final RecentOrders recent;
    private final CustomerService customers;
    private final CatalogService catalog;
    private final CartService carts;
    private final ApplicationEventPublisher events;
    private final OrderReturns returns;
    private final Clock clock;

    OrderService(
            OrderRepository orders,
            OrderHistory history,
            RecentOrders recent,
            CustomerService customers,
            CatalogService catalog,
            CartService carts,
            ApplicationEventPublisher events,
            OrderReturns returns,
            Clock clock) {
        this.orders = orders;
        this.history = history;
        this.recent = recent;
        this.customers = customers;
        this.catalog = catalog;
        this.carts = carts;
        this.events = events;
        this.returns = returns;
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

    /** The order, or empty (for callers that must not doom their transaction with an exception). */
    @Transactional(readOnly = true)
    public Optional<OrderView> find(String orderId) {
        return orders.findById(orderId).map(Order::view);
    }

    /**
     * The customer's most recent orders, newest first (what customer service answers about), read with SQL:
     * changes to orders not yet flushed in the caller's transaction are not seen.
     */
    @Transactional(readOnly = true)
    public List<OrderView> recentOrders(String customerId, int limit) {
        return recent.of(customerId, limit);
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

    /**
     * Records a return of a delivered order (which stays delivered) and publishes {@link OrderReturned}: the
     * lines must be the order's and not more than is left to return, the amount not more than the total less what
     * was refunded before.
     */
    @Transactional
    public OrderReturn recordReturn(String orderId, ReturnRequest request) {
        var order = returns.lock(orderId);
        if (order.status() != OrderStatus.DELIVERED) {
            throw new OrderTransitionException(orderId, order.status(), "returned");
        }
        var left = returns.returnableQuantities(orderId);
        var asked = new HashMap<String, Integer>();
        request.lines().forEach(line -> asked.merge(line.variantId(), line.quantity(), Integer::sum));
        asked.forEach((variantId, quantity) -> {
            if (!left.containsKey(variantId)) {
                throw new InvalidValueException("lines", "variant '%s' is not in the order".formatted(variantId));
            }
            if (quantity > left.get(variantId)) {
                throw new ReturnRefusedException(
                        orderId,
                        "only %d of variant '%s' may still come back".formatted(left.get(variantId), variantId));
            }
        });
        var refundable = order.total().subtract(order.returned());
        if (request.amount().compareTo(refundable) > 0) {
            throw new ReturnRefusedException(
                    orderId,
                    "at most %s %s may still be refunded".formatted(refundable.toPlainString(), order.currency()));
        }
        var recorded = returns.insert(orderId, request, order.currency(), clock.instant());
        events.publishEvent(new OrderReturned(
                orderId,
                order.customerId(),
                recorded.returnId(),
                Money.of(request.amount(), order.currency()),
                Money.of(order.total(), order.currency()),
                recorded.returnedAt()));
        return recorded;
    }

    /** The order's returns, the first first. */
    @Transactional(readOnly = true)
    public List<OrderReturn> returnsOf(String orderId) {
        order(orderId);
        return returns.of(orderId);
    }

    /**
     * Orders delivered since an instant, a page at a time by customer, delivery and id, from just after
     * {@code after} (none: from the start).
     */
    @Transactional(readOnly = true)
    public List<DeliveredOrder> deliveredSince(Instant since, @Nullable DeliveredOrder after, int limit) {
        return history.deliveredSince(since, after, limit);
    }

    /** Every product this customer has ever ordered. */
    @Transactional(readOnly = true)
    public Set<String> productsOrderedBy(String customerId) {
        return history.productsOrderedBy(customerId);
    }

    /**
     * Products bought together with any of {@code productIds}: those appearing in the most (not cancelled)
     * orders that hold one of them come first; {@code productIds} themselves and {@code excluded} are left
     * out. At most {@code limit}.
     */
    @Transactional(readOnly = true)
    public List<String> coPurchased(Collection<String> productIds, Collection<String> excluded, int limit) {
        return history.coPurchased(productIds, excluded, limit);
    }

    /** Whether the customer placed an order (not cancelled) after {@code since}. */
    @Transactional(readOnly = true)
    public boolean hasOrderedSince(String customerId, Instant since) {
        return history.orderedSince(customerId, since);
    }

    /** Whether the customer placed an order (not cancelled) with this product after {@code since}. */
    @Transactional(readOnly = true)
    public boolean hasOrderedProductSince(String customerId, String productId, Instant since) {
        return history.orderedProductSince(customerId, productId, since);
    }

    /**
     * One page of customers whose last order (cancelled ones do not count) was placed in [{@code notBefore},
     * {@code before}), oldest first; pass the page's last entry as {@code after} for the next page.
     */
    @Transactional(readOnly = true)
    public List<LastOrder> lastOrdersPlacedBetween(Instant notBefore, Instant before, LastOrder after, int limit) {
        return history.lastOrdersPlacedBetween(notBefore, before, after, limit);
    }

    private Order order(String orderId) {
        return orders.findById(orderId).orElseThrow(() -> new OrderNotFoundException(orderId));
    }
}
