package io.commerce.journey.journeys;

import io.commerce.catalog.CatalogService;
import io.commerce.catalog.ProductSummary;
import io.commerce.order.OrderService;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What else to suggest to a customer after an order: products other orders bought together with it (most
 * frequent first), optionally topped up from the same catalogue categories (newest first). Never something
 * the customer has already ordered, and only products in stock with a page to link to.
 */
@Component
class RelatedProducts {

    /** Co-purchase candidates asked for per product wanted: some may be out of stock or have no page. */
    private static final int CANDIDATES_PER_SLOT = 3;

    private final OrderService orders;
    private final CatalogService catalog;

    RelatedProducts(OrderService orders, CatalogService catalog) {
        this.orders = orders;
        this.catalog = catalog;
    }

    /** Up to {@code max} products bought together with {@code productIds} that this customer never ordered. */
    List<ProductSummary> coPurchased(String customerId, Collection<String> productIds, int max) {
        return coPurchased(productIds, orders.productsOrderedBy(customerId), max);
    }

    /** Co-purchased products first, then the same categories' products, up to {@code max} in all. */
    List<ProductSummary> coPurchasedOrSameCategory(String customerId, Collection<String> productIds, int max) {
        if (max == 0) {
            return List.of();
        }
        var excluded = new HashSet<>(orders.productsOrderedBy(customerId));
        var related = new ArrayList<>(coPurchased(productIds, excluded, max));
        if (related.size() < max) {
            related.forEach(product -> excluded.add(product.productId()));
            related.addAll(catalog.sameCategory(productIds, excluded, max - related.size()));
        }
        return related;
    }

    /** "Name A, Name B": the products' titles. */
    static String titles(List<ProductSummary> products) {
        return products.stream().map(ProductSummary::title).collect(Collectors.joining(", "));
    }

    /** "Name A (link), Name B (link)": titles with their pages, on one line as WhatsApp parameters need. */
    static String titlesWithLinks(List<ProductSummary> products) {
        return products.stream()
                .map(product -> product.title() + " (" + product.url() + ")")
                .collect(Collectors.joining(", "));
    }

    private List<ProductSummary> coPurchased(Collection<String> productIds, Collection<String> excluded, int max) {
        var candidates = orders.coPurchased(productIds, excluded, max * CANDIDATES_PER_SLOT);
        var summaries = catalog.summaries(candidates);
        return candidates.stream()
                .map(summaries::get)
                .filter(Objects::nonNull)
                .filter(ProductSummary::recommendable)
                .limit(max)
                .toList();
    }
}
