package io.commerce.catalog;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** A variant as stored. */
public record VariantView(String variantId, @Nullable String title, BigDecimal price, String currency, int inventory) {}
