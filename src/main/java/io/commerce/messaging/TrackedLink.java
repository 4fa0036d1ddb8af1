package io.commerce.messaging;

import io.commerce.shared.Channel;
import org.jspecify.annotations.Nullable;

/**
 * A link one message carried, behind its token: the URL as written, and the message's customer, channel
 * origin (a journey step, a campaign, a conversation; none for a message sent through the API) and template.
 */
public record TrackedLink(
        String token,
        String messageId,
        String customerId,
        Channel channel,
        @Nullable Origin origin,
        @Nullable String templateKey,
        @Nullable String variant,
        String url) {}
