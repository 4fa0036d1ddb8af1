package io.commerce.cart;

import io.commerce.catalog.CatalogService;
import io.commerce.customer.CustomerService;
import io.commerce.shared.Upserted;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The cart module's public face: mirror carts, read them, convert them into orders. */
@Service
public class CartService {

    private final CartRepository carts;
    private final CustomerService customers;
    private final CatalogService catalog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CartService(
            CartRepository carts,
            CustomerService customers,
            CatalogService catalog,
            ApplicationEventPublisher events,
            Clock clock) {
        this.carts = carts;
        this.customers = customers;
        this.catalog = catalog;
        this.events = events;
        this.clock = clock;
    }

    /** Creates or replaces a cart; publishes {@link CartUpdated} when anything changed. */
    @Transactional
    public Upserted<CartView> upsert(String cartId, CartDetails details) {
        customers.requireReferenced(details.customerId());
        catalog.requireVariants(details.lines());
        var now = clock.instant();
        var existing = carts.findById(cartId);
        var cart = existing.orElseGet(() -> new Cart(cartId, now));
        cart.update(details, now).ifPresent(events::publishEvent);
        return new Upserted<>(carts.save(cart).view(), existing.isEmpty());
    }

    @Transactional(readOnly = true)
    public CartView get(String cartId) {
        return carts.findById(cartId).map(Cart::view).orElseThrow(() -> new CartNotFoundException(cartId));
    }

    /**
     * Converts the cart into the order, publishing {@link CartConverted}; a cart the service never saw,
     * or one already converted, is left as it is.
     */
    @Transactional
    public void convert(String cartId, String orderId) {
        carts.findById(cartId)
                .flatMap(cart -> cart.convert(orderId, clock.instant()))
                .ifPresent(events::publishEvent);
    }
}
