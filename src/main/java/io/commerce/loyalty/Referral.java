package io.commerce.loyalty;

import io.commerce.shared.ShopId;
import jakarta.validation.constraints.NotNull;

/** {@code PUT .../loyalty/referrer}: who referred the customer (before their first order). */
public record Referral(@NotNull @ShopId String referrerId) {}
