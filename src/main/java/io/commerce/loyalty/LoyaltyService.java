package io.commerce.loyalty;

import io.commerce.customer.CustomerService;
import io.commerce.shared.InvalidValueException;
import io.commerce.shared.PageRequest;
import io.commerce.shared.Paged;
import io.commerce.shared.Upserted;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The loyalty module's public face: the programme, a customer's standing and ledger, and what the shop does to it. */
@Service
public class LoyaltyService {

    private final Programs programs;
    private final Ledger ledger;
    private final Accounts accounts;
    private final Redemptions redemptions;
    private final Standings standings;
    private final Backfill backfill;
    private final CustomerService customers;
    private final Clock clock;

    LoyaltyService(
            Programs programs,
            Ledger ledger,
            Accounts accounts,
            Redemptions redemptions,
            Standings standings,
            Backfill backfill,
            CustomerService customers,
            Clock clock) {
        this.programs = programs;
        this.ledger = ledger;
        this.accounts = accounts;
        this.redemptions = redemptions;
        this.standings = standings;
        this.backfill = backfill;
        this.customers = customers;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public LoyaltyProgram program() {
        return programs.current();
    }

    /** Replaces the programme (created the first time); points already in the ledger keep their dates. */
    @Transactional
    public Upserted<LoyaltyProgram> setProgram(LoyaltyProgram program) {
        program.check();
        var existed = programs.save(program, clock.instant());
        return new Upserted<>(programs.current(), !existed);
    }

    /**
     * Credits the orders delivered since an instant that have no points yet (those delivered before the programme,
     * or while it was not listening), a page per transaction; may run again.
     */
    public BackfillResult backfill(Instant deliveredSince) {
        if (deliveredSince.isAfter(clock.instant())) {
            throw new InvalidValueException("deliveredSince", "must not be in the future");
        }
        return backfill.run(deliveredSince);
    }

    /** The programme's tiers as bands of 12-month spend, the lowest first (campaigns' segments by tier). */
    @Transactional(readOnly = true)
    public List<TierBand> tierBands() {
        var tiers = programs.current().tiers().stream()
                .sorted(Comparator.comparing(LoyaltyProgram.Tier::minSpend12Months))
                .toList();
        var bands = new ArrayList<TierBand>();
        for (var i = 0; i < tiers.size(); i++) {
            var tier = tiers.get(i);
            var next = i + 1 < tiers.size() ? tiers.get(i + 1).minSpend12Months() : null;
            bands.add(new TierBand(tier.tier(), tier.minSpend12Months(), next, tier.earlyAccess()));
        }
        return bands;
    }

    /**
     * Where the customer stands now: points, pending, tier, what lapses when. Entries under the id say the customer
     * exists (an erased one's are no longer under it); only without any is the customer looked up. No transaction:
     * each read is one statement, and the balance is the ledger's as one statement saw it.
     */
    public LoyaltyView standing(String customerId) {
        var entries = ledger.of(customerId);
        if (entries.isEmpty()) {
            customers.requireExisting(customerId);
        }
        return standings.of(customerId, entries);
    }

    @Transactional(readOnly = true)
    public Paged<LedgerEntry> ledger(String customerId, PageRequest page) {
        customers.requireExisting(customerId);
        return ledger.page(customerId, page);
    }

    @Transactional
    public LedgerEntry adjust(String customerId, Adjustment adjustment) {
        customers.requireExisting(customerId);
        return redemptions.adjust(customerId, adjustment);
    }

    /**
     * Spends the reward's points on a unique discount code.
     *
     * @throws RewardNotFoundException no such reward
     * @throws InsufficientPointsException the available points do not cover it
     */
    @Transactional
    public RedemptionView redeem(String customerId, String rewardId) {
        customers.requireExisting(customerId);
        return redemptions.redeem(customerId, rewardId);
    }

    /** Rewards a review the shop confirmed: once per review (repeating it answers the first), once per product. */
    @Transactional
    public Upserted<LedgerEntry> rewardReview(String customerId, ReviewBonus review) {
        customers.requireExisting(customerId);
        var now = accounts.lock(customerId);
        var reason = "review " + review.reviewId();
        var existing = ledger.find(customerId, EntryKind.REVIEW, review.productId());
        if (existing.isPresent()) {
            if (reason.equals(existing.get().reason())) {
                return new Upserted<>(existing.get(), false);
            }
            throw BonusRefusedException.review(customerId, review.productId());
        }
        var program = programs.current();
        var points = program.bonuses().review();
        if (points == 0) {
            throw new InvalidValueException("reviewId", "the programme gives no points for reviews");
        }
        var entry = ledger.append(
                new Ledger.NewEntry(
                        customerId,
                        EntryKind.REVIEW,
                        points,
                        null,
                        now,
                        program.expiryOf(now),
                        BigDecimal.ZERO,
                        null,
                        review.productId(),
                        reason,
                        null),
                now);
        return new Upserted<>(entry.orElseThrow(), true);
    }

    /**
     * Records who referred the customer: before their first credited order, once (the same referrer again is
     * unchanged), never themselves. The bonus comes with that first order.
     */
    @Transactional
    public Upserted<LoyaltyView> setReferrer(String customerId, Referral referral) {
        customers.requireExisting(customerId);
        customers.requireReferenced(referral.referrerId());
        if (referral.referrerId().equals(customerId)) {
            throw BonusRefusedException.referral(customerId, "cannot refer themselves");
        }
        var now = accounts.lock(customerId);
        var current = accounts.referrerOf(customerId);
        if (current.isPresent()) {
            if (current.get().equals(referral.referrerId())) {
                return new Upserted<>(standings.of(customerId), false);
            }
            throw BonusRefusedException.referral(customerId, "was referred by another customer already");
        }
        if (ledger.of(customerId).stream().anyMatch(entry -> entry.kind() == EntryKind.ORDER)) {
            throw BonusRefusedException.referral(customerId, "has ordered before: a referral must come first");
        }
        accounts.setReferrer(customerId, referral.referrerId(), now);
        return new Upserted<>(standings.of(customerId), true);
    }
}
