package io.commerce.messaging;

import io.commerce.shared.Channel;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A message the customer's phone received or read, when it last did, and where it came from. */
public record MessageSeen(
        String messageId,
        Channel channel,
        Instant at,
        @Nullable Origin origin,
        @Nullable String templateKey,
        @Nullable String variant) {}
