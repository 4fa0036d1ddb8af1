package io.commerce.messaging;

import io.commerce.shared.Channel;
import io.commerce.shared.Purpose;
import java.time.Instant;

/** The message will not be delivered; {@code errorCode} is the provider's (or ours) and final. */
public record MessageFailed(
        String messageId,
        String customerId,
        Channel channel,
        Purpose purpose,
        String templateKey,
        String errorCode,
        String errorTitle,
        Instant at) {}
