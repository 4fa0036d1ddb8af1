package io.commerce.conversation.media;

import org.jspecify.annotations.Nullable;

/** A file as the API shows it: our id (for {@code GET /api/v1/media/{id}} and agent replies), type, size, checksum. */
public record MediaView(
        String mediaId,
        String mimeType,
        long size,
        String sha256,
        @Nullable String filename) {}
