package io.commerce.consent;

import io.commerce.shared.Channel;
import io.commerce.shared.Purpose;
import java.time.Instant;

/** A customer now allows messages on this channel for this purpose. */
public record ConsentGranted(String customerId, Channel channel, Purpose purpose, String source, Instant grantedAt) {}
