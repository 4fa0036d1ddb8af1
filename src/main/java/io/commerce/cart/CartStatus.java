package io.commerce.cart;

/** A cart is {@code active} until an order converts it. */
public enum CartStatus {
    ACTIVE,
    CONVERTED
}
