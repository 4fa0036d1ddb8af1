package io.commerce.loyalty;

import io.commerce.shared.CommerceException;

/** The customer's available points do not cover the redemption, or the adjustment would take them below zero. */
public class InsufficientPointsException extends CommerceException {

    InsufficientPointsException(String customerId, int available, int needed) {
        super(
                Kind.CONFLICT,
                "INSUFFICIENT_POINTS",
                "customer '%s' has %d points available, %d needed".formatted(customerId, available, needed));
    }
}
