package io.commerce.catalog;

import io.commerce.catalog.ProductDetails.VariantDetails;
import io.commerce.shared.Money;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A purchasable variant of a product, with its price and inventory. */
@Entity
@Table(name = "variant")
class Variant {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "product_id")
    private Product product;

    private String variantId;
    private String title;
    private BigDecimal price;
    private String currency;
    private int inventory;

    protected Variant() {}

    Variant(Product product, String variantId) {
        this.product = product;
        this.variantId = variantId;
    }

    String variantId() {
        return variantId;
    }

    /** Applies the details; returns the events the change causes (a restock, a price drop). */
    List<Object> apply(VariantDetails details, boolean isNew, Instant now) {
        var events = new ArrayList<Object>();
        var newPrice = Money.of(details.price(), details.currency());
        if (!isNew && newPrice.isLessThan(price())) {
            events.add(new PriceDropped(product.id(), variantId, price(), newPrice, now));
        }
        this.title = details.title();
        this.price = details.price().setScale(2);
        this.currency = details.currency();
        restock(details.inventory(), isNew, now).ifPresent(events::add);
        return events;
    }

    /** Sets the inventory; a change from 0 to more is a {@link VariantRestocked}. */
    Optional<VariantRestocked> restock(int quantity, boolean isNew, Instant now) {
        var wasOutOfStock = !isNew && inventory == 0;
        this.inventory = quantity;
        return wasOutOfStock && quantity > 0
                ? Optional.of(new VariantRestocked(product.id(), variantId, quantity, now))
                : Optional.empty();
    }

    boolean sameAs(VariantDetails details) {
        return Objects.equals(title, details.title())
                && price.compareTo(details.price()) == 0
                && currency.equals(details.currency())
                && inventory == details.inventory();
    }

    Money price() {
        return Money.of(price, currency);
    }

    VariantView view() {
        return new VariantView(variantId, title, price, currency, inventory);
    }
}
