package io.commerce.loyalty;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST .../loyalty/reviews}: a product review the shop confirmed, rewarded once per review and product. */
public record ReviewBonus(
        @NotBlank @Size(max = 128) String reviewId,
        @NotBlank @Size(max = 128) String productId) {}
