package io.commerce.catalog;

import io.commerce.catalog.ProductDetails.VariantDetails;
import io.commerce.shared.InvalidValueException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A product and its variants; an upsert replaces the variant set as a whole. */
@Entity
@Table(name = "product")
class Product {

    @Id
    private String id;

    private String title;
    private String url;
    private String imageUrl;
    private String category;
    private Integer replenishAfterDays;
    private Instant createdAt;
    private Instant updatedAt;

    @OneToMany(mappedBy = "product", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("variantId")
    private List<Variant> variants = new ArrayList<>();

    @Version
    private long version;

    protected Product() {}

    Product(String id, Instant now) {
        this.id = id;
        this.createdAt = now;
    }

    String id() {
        return id;
    }

    /**
     * Applies the shop's view of the product; returns the events it causes (restocks, price drops, the product
     * sold out), or empty when nothing changed at all.
     */
    Optional<List<Object>> apply(ProductDetails details, Instant now) {
        requireDistinctVariantIds(details);
        if (sameAs(details)) {
            return Optional.empty();
        }
        var wasInStock = inStock();
        this.title = details.title();
        this.url = details.url();
        this.imageUrl = details.imageUrl();
        this.category = details.category();
        this.replenishAfterDays = details.replenishAfterDays();
        this.updatedAt = now;
        var existing = variants.stream().collect(Collectors.toMap(Variant::variantId, Function.identity()));
        var events = new ArrayList<Object>();
        var kept = new ArrayList<Variant>();
        for (var variantDetails : details.variants()) {
            var variant = existing.get(variantDetails.variantId());
            var isNew = variant == null;
            if (isNew) {
                variant = new Variant(this, variantDetails.variantId());
            }
            events.addAll(variant.apply(variantDetails, isNew, now));
            kept.add(variant);
        }
        variants.retainAll(kept);
        kept.stream().filter(v -> !variants.contains(v)).forEach(variants::add);
        soldOut(wasInStock, now).ifPresent(events::add);
        return Optional.of(events);
    }

    /** Sets a variant's inventory; returns the events it causes (a restock, the product sold out). */
    List<Object> restock(Variant variant, int quantity, Instant now) {
        var wasInStock = inStock();
        var events = new ArrayList<Object>();
        variant.restock(quantity, false, now).ifPresent(events::add);
        soldOut(wasInStock, now).ifPresent(events::add);
        this.updatedAt = now;
        return events;
    }

    private Optional<ProductSoldOut> soldOut(boolean wasInStock, Instant now) {
        return wasInStock && !inStock() ? Optional.of(new ProductSoldOut(id, now)) : Optional.empty();
    }

    private boolean inStock() {
        return variants.stream().anyMatch(variant -> variant.view().inventory() > 0);
    }

    Optional<Variant> variant(String variantId) {
        return variants.stream().filter(v -> v.variantId().equals(variantId)).findFirst();
    }

    ProductView view() {
        return new ProductView(
                id,
                title,
                url,
                imageUrl,
                category,
                replenishAfterDays,
                variants.stream().map(Variant::view).toList(),
                createdAt,
                updatedAt);
    }

    private boolean sameAs(ProductDetails details) {
        if (!(Objects.equals(title, details.title())
                && Objects.equals(url, details.url())
                && Objects.equals(imageUrl, details.imageUrl())
                && Objects.equals(category, details.category())
                && Objects.equals(replenishAfterDays, details.replenishAfterDays())
                && variants.size() == details.variants().size())) {
            return false;
        }
        return details.variants().stream()
                .allMatch(d -> variant(d.variantId()).filter(v -> v.sameAs(d)).isPresent());
    }

    private static void requireDistinctVariantIds(ProductDetails details) {
        var seen = new HashSet<String>();
        for (VariantDetails variant : details.variants()) {
            if (!seen.add(variant.variantId())) {
                throw new InvalidValueException(
                        "variants", "variant '%s' is listed twice".formatted(variant.variantId()));
            }
        }
    }
}
