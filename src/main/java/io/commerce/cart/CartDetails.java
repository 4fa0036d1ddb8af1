package io.commerce.cart;

import io.commerce.shared.LineItem;
import io.commerce.shared.ShopId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.hibernate.validator.constraints.URL;

/** A cart as the shop sends it in {@code PUT /api/v1/carts/{cartId}}: the whole cart. */
public record CartDetails(
        @NotNull @ShopId String customerId,

        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO-4217 code such as EUR")
        String currency,

        @URL @Size(max = 2048) String checkoutUrl,
        @NotNull @Size(max = 500) List<@NotNull @Valid LineItem> lines) {}
