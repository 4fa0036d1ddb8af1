package io.commerce.loyalty;

import io.commerce.order.DeliveredOrder;
import io.commerce.order.OrderService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Credits the points of orders delivered before the programme listened (or while it did not), set-based: the
 * delivered orders a page at a time (by customer), each customer's tier before each order from the ledger and
 * the orders before it, and a page's entries appended in one statement and one transaction. An order credited
 * already is skipped (the ledger's unique reference), so a backfill may run again. Lots that have lapsed by now
 * lapse at the end, as the expiry job would have lapsed them.
 */
@Component
class Backfill {

    /** Orders a page. */
    static final int PAGE = 5_000;

    private final OrderService orders;
    private final Ledger ledger;
    private final Programs programs;
    private final Lapses lapses;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Backfill(
            OrderService orders,
            Ledger ledger,
            Programs programs,
            Lapses lapses,
            TransactionTemplate transaction,
            Clock clock) {
        this.orders = orders;
        this.ledger = ledger;
        this.programs = programs;
        this.lapses = lapses;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Credits the orders delivered since {@code since}; answers how many orders and points were added. */
    BackfillResult run(Instant since) {
        var program = programs.current();
        var credited = 0;
        var points = 0L;
        DeliveredOrder after = null;
        while (true) {
            var page = orders.deliveredSince(since, after, PAGE);
            if (page.isEmpty()) {
                break;
            }
            after = page.getLast();
            var added = transaction.execute(status -> ledger.appendAll(entries(program, page), clock.instant()));
            credited += added[0];
            points += added[1];
        }
        var now = clock.instant();
        transaction.executeWithoutResult(status -> lapses.lapse(since, now));
        return new BackfillResult(credited, points);
    }

    /** The page's orders in the programme's currency as ledger entries, each at its customer's tier then. */
    private List<Ledger.NewEntry> entries(LoyaltyProgram program, List<DeliveredOrder> page) {
        var customers = new LinkedHashSet<String>();
        page.forEach(order -> customers.add(order.customerId()));
        var history = ledger.spendOf(customers);
        var entries = new ArrayList<Ledger.NewEntry>();
        for (var order : page) {
            if (!order.currency().equals(program.currency())) {
                continue;
            }
            var past = history.computeIfAbsent(order.customerId(), id -> new ArrayList<>());
            if (past.stream().anyMatch(spend -> order.orderId().equals(spend.order()))) {
                continue; // credited already
            }
            var yearBefore = order.deliveredAt().minus(Standing.TWELVE_MONTHS);
            var spend = past.stream()
                    .filter(s -> s.at().isAfter(yearBefore) && s.at().isBefore(order.deliveredAt()))
                    .map(Ledger.Spend::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            var tier = program.tierFor(spend);
            var availableAt = program.availableFrom(order.deliveredAt());
            entries.add(new Ledger.NewEntry(
                    order.customerId(),
                    EntryKind.ORDER,
                    program.pointsFor(order.total(), tier),
                    null,
                    availableAt,
                    program.expiryOf(availableAt),
                    order.total(),
                    order.deliveredAt(),
                    order.orderId(),
                    tier.map(t -> "tier " + t.tier() + " (backfill)").orElse("backfill"),
                    null));
            past.add(new Ledger.Spend(order.deliveredAt(), order.total(), order.orderId()));
        }
        return entries;
    }
}
