package io.commerce.loyalty;

import io.commerce.order.OrderDelivered;
import io.commerce.order.OrderReturned;
import io.commerce.order.OrderService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Points from orders: a delivered order earns its total × the rate × the tier's multiplier (the tier its 12-month
 * spend reached before this order), pending until the return period ends; a customer's first credited order
 * also rewards them and whoever referred them (within the referrer's yearly limit); a return takes back what
 * its amount earned, in proportion, from that order's lot. A cancellation before delivery earns nothing, as an
 * undelivered order earns nothing. Each runs once per event (the ledger's unique references).
 */
@Component
class Accrual {

    private static final Logger log = LoggerFactory.getLogger(Accrual.class);

    private final OrderService orders;
    private final Ledger ledger;
    private final Accounts accounts;
    private final Programs programs;
    private final Clock clock;

    Accrual(OrderService orders, Ledger ledger, Accounts accounts, Programs programs, Clock clock) {
        this.orders = orders;
        this.ledger = ledger;
        this.accounts = accounts;
        this.programs = programs;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(OrderDelivered delivered) {
        var order = orders.find(delivered.orderId()).orElse(null);
        var program = programs.current();
        if (order == null || !order.currency().equals(program.currency())) {
            log.info("order {} earns no points: not in the programme's currency", delivered.orderId());
            return;
        }
        var customerId = order.customerId();
        var now = accounts.lock(customerId);
        var entries = ledger.of(customerId);
        var firstOrder = entries.stream().noneMatch(entry -> entry.kind() == EntryKind.ORDER);
        var tier = program.tierFor(Standing.of(entries, now).spend12Months());
        var availableAt = program.availableFrom(delivered.deliveredAt());
        var earned = ledger.append(
                new Ledger.NewEntry(
                        customerId,
                        EntryKind.ORDER,
                        program.pointsFor(order.total(), tier),
                        null,
                        availableAt,
                        program.expiryOf(availableAt),
                        order.total(),
                        delivered.deliveredAt(),
                        order.orderId(),
                        tier.map(t -> "tier " + t.tier()).orElse(null),
                        null),
                now);
        if (earned.isPresent() && firstOrder) {
            accounts.referrerOf(customerId)
                    .ifPresent(referrer -> rewardReferral(program, customerId, referrer, availableAt));
        }
    }

    @ApplicationModuleListener
    void on(OrderReturned returned) {
        var now = accounts.lock(returned.customerId());
        var lot = ledger.find(returned.customerId(), EntryKind.ORDER, returned.orderId());
        if (lot.isEmpty()) {
            return; // the order earned nothing (another currency, or before the programme)
        }
        var earned = lot.get();
        var takenBefore = ledger.of(returned.customerId()).stream()
                .filter(entry -> entry.kind() == EntryKind.RETURN
                        && Long.valueOf(earned.entryId()).equals(entry.lotId()))
                .mapToInt(entry -> -entry.points())
                .sum();
        var share = returned.orderTotal().amount().signum() == 0
                ? BigDecimal.ONE
                : returned.amount().amount().divide(returned.orderTotal().amount(), 10, RoundingMode.HALF_UP);
        var back = Math.min(
                earned.points() - takenBefore,
                BigDecimal.valueOf(earned.points())
                        .multiply(share)
                        .setScale(0, RoundingMode.HALF_UP)
                        .intValue());
        ledger.append(
                new Ledger.NewEntry(
                        returned.customerId(),
                        EntryKind.RETURN,
                        -Math.max(0, back),
                        earned.entryId(),
                        earned.availableAt(),
                        null,
                        returned.amount().amount().negate(),
                        earned.spendAt(),
                        returned.returnId(),
                        "return of order " + returned.orderId(),
                        null),
                now);
    }

    /** Both sides of a referral earn the bonus with the referred customer's first order (the referrer within limits). */
    private void rewardReferral(LoyaltyProgram program, String customerId, String referrerId, Instant availableAt) {
        var bonus = program.bonuses().referral();
        if (bonus == 0) {
            return;
        }
        ledger.append(
                referralBonus(program, customerId, referrerId, "referred by a customer", availableAt), clock.instant());
        var now = accounts.lock(referrerId);
        if (ledger.referralsSince(referrerId, now.minus(Standing.TWELVE_MONTHS)) >= program.referralsPerYear()) {
            log.info("referral bonus withheld: the referrer reached {} this year", program.referralsPerYear());
            return;
        }
        ledger.append(referralBonus(program, referrerId, customerId, "referred a customer", availableAt), now);
    }

    /** A referral's bonus for one side, naming the other, pending as the first order's points are. */
    private static Ledger.NewEntry referralBonus(
            LoyaltyProgram program, String customerId, String other, String reason, Instant availableAt) {
        return new Ledger.NewEntry(
                customerId,
                EntryKind.REFERRAL,
                program.bonuses().referral(),
                null,
                availableAt,
                program.expiryOf(availableAt),
                BigDecimal.ZERO,
                null,
                other,
                reason,
                null);
    }
}
