package io.commerce.campaign;

import io.commerce.promotion.DiscountKind;
import io.commerce.shared.CurrencyCode;
import io.commerce.shared.ShopId;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * A campaign's flash sale: each customer reached gets a discount code of their own ({@code kind}, {@code value},
 * {@code currency} for amounts, {@code minimumSpend}) in the template's {@code discountCode} parameter, valid until
 * the sale ends, {@code validFor} after the campaign's {@code scheduledAt} (early-access tiers get theirs sooner,
 * with the same end; a template's {@code endsAt} parameter is the end in the customer's time zone, HH:mm). The
 * campaign stops when the product's stock runs out or the sale ends: its messages still queued are cancelled.
 */
public record FlashSale(
        @NotNull @ShopId String productId,
        @NotNull DiscountKind kind,

        @NotNull @Positive @Digits(integer = 10, fraction = 2) @DecimalMax("1000000")
        BigDecimal value,

        @CurrencyCode String currency,

        @PositiveOrZero @Digits(integer = 10, fraction = 2) BigDecimal minimumSpend,
        @NotNull Duration validFor) {

    /** The template parameter that takes each customer's code. */
    static final String CODE = "discountCode";

    /** The template parameter that takes the sale's end in the customer's time zone. */
    static final String ENDS_AT = "endsAt";
}
