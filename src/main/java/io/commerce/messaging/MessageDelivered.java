package io.commerce.messaging;

import io.commerce.shared.Channel;
import io.commerce.shared.Purpose;
import java.time.Instant;

/** The message reached the customer's device. */
public record MessageDelivered(
        String messageId, String customerId, Channel channel, Purpose purpose, String templateKey, Instant at) {}
