package io.commerce.promotion;

import io.commerce.shared.ShopId;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;

/** {@code POST /api/v1/discount-codes/{code}/redemptions}: the order the code is used on, and its total. */
public record Redemption(
        @NotNull @ShopId String orderId,

        @NotNull @PositiveOrZero @Digits(integer = 10, fraction = 2)
        BigDecimal orderTotal,

        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO-4217 code such as EUR")
        String currency) {}
