package io.commerce.loyalty;

import java.time.Instant;

/** A reward redeemed: the points it took and the unique discount code it became (valid until {@code expiresAt}). */
public record RedemptionView(String redemptionId, String rewardId, int points, String code, Instant expiresAt) {}
