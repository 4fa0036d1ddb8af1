package io.commerce.cart;

import io.commerce.shared.CurrencyCode;
import io.commerce.shared.LineItem;
import io.commerce.shared.ShopId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.hibernate.validator.constraints.URL;

/** A cart as the shop sends it in {@code PUT /api/v1/carts/{cartId}}: the whole cart. */
public record CartDetails(
        @NotNull @ShopId String customerId,

        @NotNull @CurrencyCode String currency,

        @URL @Size(max = 2048) String checkoutUrl,
        @NotNull @Size(max = 500) List<@NotNull @Valid LineItem> lines) {}
