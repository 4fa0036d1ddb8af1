package io.commerce.conversation.media;

import io.commerce.shared.Channel;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One row of the {@code media} table. */
record MediaRow(
        String id,
        String direction,
        @Nullable Channel channel,
        @Nullable UUID conversationId,
        @Nullable String customerId,
        @Nullable String providerMediaId,
        @Nullable Instant providerUploadedAt,
        @Nullable String mimeType,
        @Nullable Long size,
        @Nullable String sha256,
        @Nullable String filename,
        MediaStatus status,
        @Nullable String failure,
        int attempts,
        Instant createdAt) {}
