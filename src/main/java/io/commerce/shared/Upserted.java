package io.commerce.shared;

/** The outcome of a {@code PUT}: the stored value and whether it was created (201) or updated (200). */
public record Upserted<T>(T value, boolean created) {}
