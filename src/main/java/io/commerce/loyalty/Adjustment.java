package io.commerce.loyalty;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST .../loyalty/adjustments}: a correction by the shop, added to the ledger as a new entry. */
public record Adjustment(
        @NotNull @Min(-10_000_000) @Max(10_000_000) Integer points,
        @NotBlank @Size(max = 500) String reason) {}
