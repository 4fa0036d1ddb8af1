package io.commerce.loyalty;

import io.commerce.shared.CommerceException;

/** The programme has no reward with this id. */
public class RewardNotFoundException extends CommerceException {

    RewardNotFoundException(String rewardId) {
        super(Kind.NOT_FOUND, "REWARD_NOT_FOUND", "the loyalty programme has no reward '%s'".formatted(rewardId));
    }
}
