package io.commerce.promotion;

import io.commerce.shared.CurrencyCode;
import io.commerce.shared.ShopId;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * What to issue: for whom and why, the discount ({@code kind}, {@code value}, {@code currency} for amounts),
 * the least order total it applies to, and how long it is valid.
 */
public record CodeIssue(
        @NotNull @ShopId String customerId,
        @NotBlank @Size(max = 64) String reason,
        @NotNull DiscountKind kind,

        @NotNull @Positive @Digits(integer = 10, fraction = 2) @DecimalMax("1000000")
        BigDecimal value,

        @CurrencyCode String currency,

        @PositiveOrZero @Digits(integer = 10, fraction = 2) BigDecimal minimumSpend,
        @NotNull Duration validFor) {}
