package io.commerce.promotion;

import io.commerce.shared.CurrencyCode;
import io.commerce.shared.ShopId;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;

/** {@code POST /api/v1/discount-codes/{code}/redemptions}: the order the code is used on, and its total. */
public record Redemption(
        @NotNull @ShopId String orderId,

        @NotNull @PositiveOrZero @Digits(integer = 10, fraction = 2)
        BigDecimal orderTotal,

        @NotNull @CurrencyCode String currency) {}
