package io.commerce.promotion;

import io.commerce.shared.CommerceException;

/** A code that cannot be used (any more): unknown, used, expired, or the order does not qualify. */
public class CodeNotRedeemableException extends CommerceException {

    private CodeNotRedeemableException(Kind kind, String code, String message) {
        super(kind, code, message);
    }

    static CodeNotRedeemableException unknown(String code) {
        return new CodeNotRedeemableException(
                Kind.NOT_FOUND, "DISCOUNT_CODE_NOT_FOUND", "discount code '%s' does not exist".formatted(code));
    }

    static CodeNotRedeemableException used(String code, String orderId) {
        return new CodeNotRedeemableException(
                Kind.CONFLICT,
                "DISCOUNT_CODE_USED",
                "discount code '%s' was used on order '%s'".formatted(code, orderId));
    }

    static CodeNotRedeemableException expired(String code) {
        return new CodeNotRedeemableException(
                Kind.CONFLICT, "DISCOUNT_CODE_EXPIRED", "discount code '%s' has expired".formatted(code));
    }

    static CodeNotRedeemableException notQualifying(String code, String why) {
        return new CodeNotRedeemableException(
                Kind.UNPROCESSABLE, "DISCOUNT_CODE_NOT_APPLICABLE", "discount code '%s' %s".formatted(code, why));
    }
}
