package io.commerce.loyalty;

import io.commerce.shared.CommerceException;

/**
 * A bonus the programme's limits refuse: a referral recorded too late or twice, a second review of one product,
 * a referral to oneself.
 */
public class BonusRefusedException extends CommerceException {

    private BonusRefusedException(String code, String message) {
        super(Kind.CONFLICT, code, message);
    }

    static BonusRefusedException referral(String customerId, String why) {
        return new BonusRefusedException("REFERRAL_REFUSED", "customer '%s' %s".formatted(customerId, why));
    }

    static BonusRefusedException review(String customerId, String productId) {
        return new BonusRefusedException(
                "REVIEW_ALREADY_REWARDED",
                "customer '%s' was already rewarded for a review of product '%s'".formatted(customerId, productId));
    }
}
