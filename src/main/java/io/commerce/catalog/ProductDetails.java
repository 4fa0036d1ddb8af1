package io.commerce.catalog;

import io.commerce.shared.CurrencyCode;
import io.commerce.shared.ShopId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.hibernate.validator.constraints.URL;

/** A product as the shop sends it in {@code PUT /api/v1/products/{productId}}: the whole product. */
public record ProductDetails(
        @NotBlank @Size(max = 500) String title,
        @URL @Size(max = 2048) String url,
        @URL @Size(max = 2048) String imageUrl,
        @Size(max = 200) String category,
        @Positive @Max(3650) Integer replenishAfterDays,
        @NotNull @Size(max = 500) List<@NotNull @Valid VariantDetails> variants) {

    /** One variant: its own id, title, price and inventory. */
    public record VariantDetails(
            @NotNull @ShopId String variantId,
            @Size(max = 500) String title,

            @NotNull @PositiveOrZero @Digits(integer = 10, fraction = 2)
            BigDecimal price,

            @NotNull @CurrencyCode String currency,

            @NotNull @PositiveOrZero @Max(100_000_000) Integer inventory) {}
}
