package io.commerce.messaging;

import io.commerce.shared.Channel;
import io.commerce.shared.Purpose;
import java.time.Instant;

/** Meta or the SMS provider accepted the message. */
public record MessageSent(
        String messageId, String customerId, Channel channel, Purpose purpose, String templateKey, Instant at) {}
