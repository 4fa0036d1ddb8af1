package io.commerce.messaging;

import io.commerce.shared.Channel;
import io.commerce.shared.Purpose;
import java.time.Instant;

/** The customer read the message. */
public record MessageRead(
        String messageId, String customerId, Channel channel, Purpose purpose, String templateKey, Instant at) {}
