package io.commerce.order;

import io.commerce.shared.CommerceException;

/** No order with this id. */
public class OrderNotFoundException extends CommerceException {
    OrderNotFoundException(String orderId) {
        super(Kind.NOT_FOUND, "ORDER_NOT_FOUND", "order '%s' does not exist".formatted(orderId));
    }
}
