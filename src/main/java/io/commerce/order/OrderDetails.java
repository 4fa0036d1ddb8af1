package io.commerce.order;

import io.commerce.shared.CurrencyCode;
import io.commerce.shared.LineItem;
import io.commerce.shared.ShopId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.hibernate.validator.constraints.URL;

/** An order as the shop sends it in {@code PUT /api/v1/orders/{orderId}}. */
public record OrderDetails(
        @NotNull @ShopId String customerId,
        @ShopId String cartId,

        @NotNull @CurrencyCode String currency,

        @NotNull @PositiveOrZero @Digits(integer = 10, fraction = 2)
        BigDecimal total,

        Instant placedAt,
        @URL @Size(max = 2048) String orderUrl,
        @NotEmpty @Size(max = 500) List<@NotNull @Valid LineItem> lines) {}
