package io.commerce.catalog;

import java.math.BigDecimal;

/** A variant as stored. */
public record VariantView(String variantId, String title, BigDecimal price, String currency, int inventory) {}
