package io.commerce.catalog;

import java.time.Instant;
import java.util.List;

/** A product as stored, with its variants. */
public record ProductView(
        String productId,
        String title,
        String url,
        String imageUrl,
        String category,
        Integer replenishAfterDays,
        List<VariantView> variants,
        Instant createdAt,
        Instant updatedAt) {}
