package io.commerce.catalog;

import io.commerce.customer.CustomerService;
import io.commerce.shared.LineItem;
import io.commerce.shared.UnknownReferenceException;
import io.commerce.shared.Upserted;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The catalog module's public face: products, inventory and back-in-stock subscriptions. */
@Service
public class CatalogService {

    private final ProductRepository products;
    private final BackInStockSubscriptionRepository subscriptions;
    private final CustomerService customers;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;

    CatalogService(
            ProductRepository products,
            BackInStockSubscriptionRepository subscriptions,
            CustomerService customers,
            ApplicationEventPublisher events,
            JdbcClient jdbc,
            Clock clock) {
        this.products = products;
        this.subscriptions = subscriptions;
        this.customers = customers;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Creates or replaces a product and its variants; publishes restocks, price drops and its selling out. */
    @Transactional
    public Upserted<ProductView> upsert(String productId, ProductDetails details) {
        var now = clock.instant();
        var existing = products.findById(productId);
        var product = existing.orElseGet(() -> new Product(productId, now));
        product.apply(details, now).ifPresent(changes -> changes.forEach(events::publishEvent));
        return new Upserted<>(products.save(product).view(), existing.isEmpty());
    }

    @Transactional(readOnly = true)
    public ProductView get(String productId) {
        return product(productId).view();
    }

    /**
     * Sets a variant's inventory; from 0 to more publishes {@link VariantRestocked}, the product's last stock gone
     * {@link ProductSoldOut}.
     */
    @Transactional
    public VariantView updateInventory(String productId, String variantId, int quantity) {
        var product = product(productId);
        var variant = product.variant(variantId).orElseThrow(() -> new ProductNotFoundException(productId, variantId));
        if (variant.view().inventory() != quantity) {
            product.restock(variant, quantity, clock.instant()).forEach(events::publishEvent);
        }
        return variant.view();
    }

    /** Throws {@link UnknownReferenceException} ({@code UNKNOWN_VARIANT}) unless every line's variant exists. */
    @Transactional(readOnly = true)
    public void requireVariants(Collection<LineItem> lines) {
        var keys = new HashSet<String>();
        lines.forEach(line -> keys.add(variantKey(line.productId(), line.variantId())));
        requireVariantKeys(keys);
    }

    private void requireVariantKeys(Set<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        keys.removeAll(products.existingVariantKeys(keys));
        if (!keys.isEmpty()) {
            throw new UnknownReferenceException(
                    "UNKNOWN_VARIANT",
                    "no such product variant: "
                            + String.join(", ", keys.stream().sorted().toList()));
        }
    }

    /**
     * Subscribes a customer to a variant's restock; asking again for the same variant and channel while
     * the first is active returns that one.
     */
    @Transactional
    public Upserted<BackInStockSubscriptionView> subscribe(String customerId, BackInStockRequest request) {
        customers.requireExisting(customerId);
        requireVariantKeys(new HashSet<>(Set.of(variantKey(request.productId(), request.variantId()))));
        var existing =
                subscriptions.findActive(customerId, request.productId(), request.variantId(), request.channel());
        if (existing.isPresent()) {
            return new Upserted<>(existing.get().view(), false);
        }
        // a racing twin request is caught by the unique index (409); its retry finds this subscription
        var subscription = subscriptions.saveAndFlush(new BackInStockSubscription(
                customerId, request.productId(), request.variantId(), request.channel(), clock.instant()));
        return new Upserted<>(subscription.view(), true);
    }

    @Transactional(readOnly = true)
    public List<BackInStockSubscriptionView> subscriptions(String customerId) {
        customers.requireExisting(customerId);
        return subscriptions.findByCustomerIdOrderById(customerId).stream()
                .map(BackInStockSubscription::view)
                .toList();
    }

    /** Title, page and stock of each of these products that exists, by product id. */
    @Transactional(readOnly = true)
    public Map<String, ProductSummary> summaries(Collection<String> productIds) {
        return jdbc
                .sql("""
                        select p.id, p.title, p.url,
                               exists (select 1 from variant v where v.product_id = p.id and v.inventory > 0) as in_stock
                          from product p
                         where p.id = any(:products)
                        """)
                .param("products", productIds.toArray(String[]::new))
                .query(CatalogService::summary)
                .stream()
                .collect(Collectors.toMap(ProductSummary::productId, Function.identity()));
    }

    /**
     * Up to {@code limit} recommendable products (in stock, with a page) in the categories of {@code
     * productIds}, newest first, leaving out those products and {@code excluded}.
     */
    @Transactional(readOnly = true)
    public List<ProductSummary> sameCategory(Collection<String> productIds, Collection<String> excluded, int limit) {
        return jdbc.sql("""
                        select p.id, p.title, p.url, true as in_stock
                          from product p
                         where p.category in (select category from product where id = any(:products))
                           and p.id <> all(:products) and p.id <> all(:excluded)
                           and p.url is not null
                           and exists (select 1 from variant v where v.product_id = p.id and v.inventory > 0)
                         order by p.created_at desc, p.id
                         limit :limit
                        """)
                .param("products", productIds.toArray(String[]::new))
                .param("excluded", excluded.toArray(String[]::new))
                .param("limit", limit)
                .query(CatalogService::summary)
                .list();
    }

    private static ProductSummary summary(ResultSet rs, int row) throws SQLException {
        return new ProductSummary(
                rs.getString("id"), rs.getString("title"), rs.getString("url"), rs.getBoolean("in_stock"));
    }

    /** The variant's subscriptions still waiting for their alert, oldest first. */
    @Transactional(readOnly = true)
    public List<BackInStockSubscriptionView> activeSubscriptions(String productId, String variantId) {
        return subscriptions.findActiveOfVariant(productId, variantId).stream()
                .map(BackInStockSubscription::view)
                .toList();
    }

    /**
     * Marks the subscription's one alert as sent, in the caller's transaction (so a send rolled back leaves it
     * active).
     *
     * @return false when it was not active (already notified, or gone): the caller must not alert
     */
    @Transactional
    public boolean markNotified(long subscriptionId) {
        return subscriptions.markNotified(subscriptionId) == 1;
    }

    private static String variantKey(String productId, String variantId) {
        return productId + '/' + variantId;
    }

    private Product product(String productId) {
        return products.findById(productId).orElseThrow(() -> new ProductNotFoundException(productId));
    }
}
