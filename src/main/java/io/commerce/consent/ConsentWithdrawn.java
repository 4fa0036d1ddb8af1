package io.commerce.consent;

import io.commerce.shared.Channel;
import io.commerce.shared.Purpose;
import java.time.Instant;

/** A customer no longer allows messages on this channel for this purpose; queued ones must not go. */
public record ConsentWithdrawn(
        String customerId, Channel channel, Purpose purpose, String source, Instant withdrawnAt) {}
