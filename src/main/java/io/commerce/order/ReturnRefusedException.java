package io.commerce.order;

import io.commerce.shared.CommerceException;

/** The return does not fit the order: more than was ordered, or more money than its total. */
public class ReturnRefusedException extends CommerceException {

    ReturnRefusedException(String orderId, String why) {
        super(Kind.CONFLICT, "RETURN_EXCEEDS_ORDER", "order '%s': %s".formatted(orderId, why));
    }
}
