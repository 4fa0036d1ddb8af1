package io.commerce.loyalty;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** {@code POST /loyalty/backfill}: credit the orders delivered since this instant that earned no points yet. */
public record BackfillRequest(@NotNull Instant deliveredSince) {}
