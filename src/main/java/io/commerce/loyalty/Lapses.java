package io.commerce.loyalty;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Points lapse by lot: when a lot's time comes, what spends (which take from the lots lapsing first) left of it
 * becomes an expiry entry naming it. Once per lot (the entry's reference is the lot).
 */
@Component
class Lapses {

    private final Ledger ledger;
    private final Accounts accounts;
    private final Clock clock;

    Lapses(Ledger ledger, Accounts accounts, Clock clock) {
        this.ledger = ledger;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Lapses the lots whose time came after {@code from}, no later than {@code to}; call in a transaction. */
    void lapse(Instant from, Instant to) {
        for (var customerId : ledger.customersWithLotsExpiring(from, to)) {
            var now = accounts.lock(customerId);
            var entries = ledger.of(customerId);
            var standing = Standing.of(entries, now);
            for (var lot : entries) {
                var expiresAt = lot.expiresAt();
                if (!lot.isLot() || expiresAt == null || !expiresAt.isAfter(from) || expiresAt.isAfter(to)) {
                    continue;
                }
                var left = standing.leftInLot().getOrDefault(lot.entryId(), 0);
                if (left > 0) {
                    ledger.append(
                            new Ledger.NewEntry(
                                    customerId,
                                    EntryKind.EXPIRY,
                                    -left,
                                    lot.entryId(),
                                    expiresAt,
                                    null,
                                    BigDecimal.ZERO,
                                    null,
                                    Long.toString(lot.entryId()),
                                    null,
                                    null),
                            now);
                }
            }
        }
    }
}
