package io.commerce.catalog;

import java.time.Instant;

/** The last of a product's stock went: every variant's inventory is now 0 (a flash sale on it stops). */
public record ProductSoldOut(String productId, Instant soldOutAt) {}
