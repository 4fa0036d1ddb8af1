package io.commerce.messaging;

import org.jspecify.annotations.Nullable;

/**
 * Where a message came from. {@code label} is bounded (a journey and step such as {@code
 * abandoned_cart/1}, or {@code campaign}) and tags the messaging metrics; {@code ref} points at the one
 * thing that caused it (an enrollment, a campaign). Messages sent through the API have no origin.
 */
public record Origin(String label, @Nullable String ref) {}
