package io.commerce.analytics;

import io.commerce.shared.Channel;
import java.time.Instant;

/** A message a customer touched (clicked its link, received or read it), on which channel and when. */
record Touch(String messageId, Channel channel, Instant at) {}
