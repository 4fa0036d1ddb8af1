package io.commerce.loyalty;

/**
 * Why points came or went: a delivered order, a bonus (birthday, review, referral), a correction by the shop, a
 * reward redeemed, a return taking back what its order earned, or the rest of a lot lapsing.
 */
public enum EntryKind {
    ORDER,
    BIRTHDAY,
    REVIEW,
    REFERRAL,
    ADJUSTMENT,
    REDEMPTION,
    RETURN,
    EXPIRY
}
