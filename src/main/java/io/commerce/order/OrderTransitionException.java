package io.commerce.order;

import io.commerce.shared.CommerceException;

/** The order's status does not allow this step (delivering a cancelled order, shipping a delivered one). */
public class OrderTransitionException extends CommerceException {
    OrderTransitionException(String orderId, OrderStatus status, String step) {
        super(
                Kind.CONFLICT,
                "INVALID_ORDER_TRANSITION",
                "order '%s' is %s and cannot be %s"
                        .formatted(orderId, status.name().toLowerCase(), step));
    }
}
