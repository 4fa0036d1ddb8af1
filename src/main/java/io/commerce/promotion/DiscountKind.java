package io.commerce.promotion;

/** An amount off (in the code's currency) or a percentage off the order. */
public enum DiscountKind {
    AMOUNT,
    PERCENT
}
