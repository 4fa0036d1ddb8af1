package io.commerce.loyalty;

import io.commerce.promotion.CodeIssue;
import io.commerce.promotion.PromotionService;
import io.commerce.shared.InvalidValueException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Spending and correcting points, each under the customer's account lock: racing redemptions are decided one
 * after the other against the balance the one before left, so a balance that covers one gives one code.
 */
@Component
class Redemptions {

    private final Ledger ledger;
    private final Accounts accounts;
    private final Programs programs;
    private final PromotionService promotions;
    private final Clock clock;

    Redemptions(Ledger ledger, Accounts accounts, Programs programs, PromotionService promotions, Clock clock) {
        this.ledger = ledger;
        this.accounts = accounts;
        this.programs = programs;
        this.promotions = promotions;
        this.clock = clock;
    }

    /** Turns the reward's points into a unique discount code; call in a transaction. */
    RedemptionView redeem(String customerId, String rewardId) {
        var program = programs.current();
        var reward = program.reward(rewardId).orElseThrow(() -> new RewardNotFoundException(rewardId));
        var now = accounts.lock(customerId);
        var available = Standing.of(ledger.of(customerId), now).points();
        if (available < reward.points()) {
            throw new InsufficientPointsException(customerId, available, reward.points());
        }
        var code = promotions.issue(new CodeIssue(
                customerId,
                "loyalty:" + rewardId,
                reward.kind(),
                reward.value(),
                reward.currency(),
                reward.minimumSpend(),
                reward.validFor()));
        var redemptionId = UUID.randomUUID().toString();
        ledger.append(
                new Ledger.NewEntry(
                        customerId,
                        EntryKind.REDEMPTION,
                        -reward.points(),
                        null,
                        now,
                        null,
                        BigDecimal.ZERO,
                        null,
                        redemptionId,
                        reward.name(),
                        code.code()),
                now);
        return new RedemptionView(redemptionId, rewardId, reward.points(), code.code(), code.expiresAt());
    }

    /**
     * Adds a correction: a positive one is a lot available at once (lapsing as any), a negative one takes from the
     * lots expiring first and may not take the balance below zero. Call in a transaction.
     */
    LedgerEntry adjust(String customerId, Adjustment adjustment) {
        var now = accounts.lock(customerId);
        var points = adjustment.points();
        if (points == 0) {
            throw new InvalidValueException("points", "an adjustment must add or take some points");
        }
        if (points < 0) {
            var available = Standing.of(ledger.of(customerId), now).points();
            if (available + points < 0) {
                throw new InsufficientPointsException(customerId, available, -points);
            }
        }
        var expiresAt = points > 0 ? programs.current().expiryOf(now) : null;
        return ledger.append(
                        new Ledger.NewEntry(
                                customerId,
                                EntryKind.ADJUSTMENT,
                                points,
                                null,
                                now,
                                expiresAt,
                                BigDecimal.ZERO,
                                null,
                                null,
                                adjustment.reason(),
                                null),
                        now)
                .orElseThrow();
    }
}
