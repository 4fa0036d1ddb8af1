package io.commerce.cart;

import io.commerce.shared.CommerceException;

/** A converted cart is history: it cannot change any more. */
public class CartAlreadyConvertedException extends CommerceException {
    CartAlreadyConvertedException(String cartId, String orderId) {
        super(
                Kind.CONFLICT,
                "CART_ALREADY_CONVERTED",
                "cart '%s' was converted into order '%s' and cannot change".formatted(cartId, orderId));
    }
}
