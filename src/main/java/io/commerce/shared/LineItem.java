package io.commerce.shared;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;

/** One line of a cart or an order: which variant, how many, at what unit price. */
@Embeddable
public record LineItem(
        @NotNull @ShopId @Column(name = "product_id") String productId,
        @NotNull @ShopId @Column(name = "variant_id") String variantId,

        @NotNull @Positive @Max(100_000) @Column(name = "quantity")
        Integer quantity,

        @NotNull @PositiveOrZero @Digits(integer = 10, fraction = 2) @Column(name = "unit_price")
        BigDecimal unitPrice) {

    /** The same line with its price in canonical scale, so 89.9 and 89.90 compare equal. */
    public LineItem normalized() {
        return new LineItem(productId, variantId, quantity, unitPrice.setScale(2));
    }
}
