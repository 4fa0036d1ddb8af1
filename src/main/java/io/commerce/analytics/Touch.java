package io.commerce.analytics;

import io.commerce.shared.Channel;
import java.time.Instant;

/** A message a customer touched (clicked its link, received or read it), on which channel, when, and its dimensions. */
record Touch(String messageId, Channel channel, Instant at, Dimensions dimensions) {}
