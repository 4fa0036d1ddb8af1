package io.commerce.order;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** {@code POST /orders/{id}/returns}: the lines that came back and the amount refunded, in the order's currency. */
public record ReturnRequest(
        @NotNull @Size(max = 500) List<@Valid @NotNull Line> lines,

        @NotNull @Positive @Digits(integer = 10, fraction = 2) @DecimalMax("1000000000")
        BigDecimal amount) {

    /** A variant of the order and how many of it came back. */
    public record Line(
            @NotBlank @Size(max = 128) String variantId,
            @NotNull @Positive Integer quantity) {}
}
