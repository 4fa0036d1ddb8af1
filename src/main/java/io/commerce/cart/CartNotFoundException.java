package io.commerce.cart;

import io.commerce.shared.CommerceException;

/** No cart with this id. */
public class CartNotFoundException extends CommerceException {
    CartNotFoundException(String cartId) {
        super(Kind.NOT_FOUND, "CART_NOT_FOUND", "cart '%s' does not exist".formatted(cartId));
    }
}
