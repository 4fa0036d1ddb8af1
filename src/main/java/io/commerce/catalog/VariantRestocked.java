package io.commerce.catalog;

import java.time.Instant;

/** A variant's inventory went from 0 to more than 0. */
public record VariantRestocked(String productId, String variantId, int quantity, Instant restockedAt) {}
