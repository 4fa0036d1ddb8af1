package io.commerce.messaging;

import io.commerce.shared.Channel;
import java.time.Instant;

/** A message the customer's phone received or read, and when it last did. */
public record MessageSeen(String messageId, Channel channel, Instant at) {}
