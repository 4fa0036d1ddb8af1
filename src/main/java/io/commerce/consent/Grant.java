package io.commerce.consent;

import io.commerce.shared.Channel;
import io.commerce.shared.Purpose;

/** A consent that holds: this customer agreed to messages of this purpose on this channel. */
public record Grant(String customerId, Channel channel, Purpose purpose) {}
