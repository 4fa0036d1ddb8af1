package io.commerce.catalog;

import io.commerce.shared.Money;
import java.time.Instant;

/** A variant's price went down (same currency). */
public record PriceDropped(String productId, String variantId, Money previousPrice, Money price, Instant droppedAt) {}
