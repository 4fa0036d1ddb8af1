package io.commerce.catalog;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A product as stored, with its variants. */
public record ProductView(
        String productId,
        String title,
        @Nullable String url,
        @Nullable String imageUrl,
        @Nullable String category,
        @Nullable Integer replenishAfterDays,
        List<VariantView> variants,
        Instant createdAt,
        Instant updatedAt) {}
