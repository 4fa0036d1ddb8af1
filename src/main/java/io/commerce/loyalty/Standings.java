package io.commerce.loyalty;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/** A customer's loyalty as the API and the chat show it: their standing now, read against the programme. */
@Component
class Standings {

    private final Programs programs;
    private final Ledger ledger;
    private final Accounts accounts;
    private final Clock clock;

    Standings(Programs programs, Ledger ledger, Accounts accounts, Clock clock) {
        this.programs = programs;
        this.ledger = ledger;
        this.accounts = accounts;
        this.clock = clock;
    }

    LoyaltyProgram program() {
        return programs.current();
    }

    LoyaltyView of(String customerId) {
        return of(customerId, ledger.of(customerId));
    }

    /** The standing from the customer's entries, read already. */
    LoyaltyView of(String customerId, List<LedgerEntry> entries) {
        var program = programs.current();
        var standing = Standing.of(entries, clock.instant());
        var spend = standing.spend12Months();
        var next = program.nextTierAfter(spend);
        return new LoyaltyView(
                customerId,
                standing.points(),
                standing.pendingPoints(),
                program.tierFor(spend).map(LoyaltyProgram.Tier::tier).orElse(null),
                next.map(LoyaltyProgram.Tier::tier).orElse(null),
                next.map(tier -> tier.minSpend12Months().subtract(spend)).orElse(null),
                spend,
                program.currency(),
                standing.lapsing().stream()
                        .map(lapse -> new LoyaltyView.Expiring(lapse.points(), lapse.expiresAt()))
                        .toList(),
                standing.lifetimePoints(),
                accounts.referrerOf(customerId).orElse(null));
    }
}
