package io.commerce.loyalty;

import io.commerce.customer.CustomerService;
import io.commerce.promotion.CodeIssue;
import io.commerce.promotion.PromotionService;
import io.commerce.shared.Purpose;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What loyalty tells customers unasked: points that became available after their pending period (a utility
 * message about their account), points lapsing soon and the birthday offer (marketing, so only with consent).
 * Each works a period the jobs give it.
 */
@Component
class Notices {

    private final Ledger ledger;
    private final Accounts accounts;
    private final Programs programs;
    private final CustomerService customers;
    private final PromotionService promotions;
    private final LoyaltyMessages messages;
    private final LoyaltyProperties properties;
    private final Clock clock;

    Notices(
            Ledger ledger,
            Accounts accounts,
            Programs programs,
            CustomerService customers,
            PromotionService promotions,
            LoyaltyMessages messages,
            LoyaltyProperties properties,
            Clock clock) {
        this.ledger = ledger;
        this.accounts = accounts;
        this.programs = programs;
        this.customers = customers;
        this.promotions = promotions;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
    }

    /** Tells each customer whose pending points became available in the period how many, and their balance. */
    void announceAvailable(Instant from, Instant to) {
        var now = clock.instant();
        var earned = new LinkedHashMap<String, Integer>();
        ledger.lotsBecomingAvailable(from, to)
                .forEach(lot -> earned.merge(lot.customerId(), lot.points(), Integer::sum));
        earned.forEach((customerId, points) -> {
            if (points > 0) {
                var balance = Standing.of(ledger.of(customerId), now).points();
                messages.sendTemplate(
                        customerId,
                        LoyaltyMessages.POINTS_AVAILABLE,
                        Purpose.TRANSACTIONAL,
                        Map.of("points", Integer.toString(points), "balance", Integer.toString(balance)));
            }
        });
    }

    /** Reminds each customer with points lapsing in the period, shifted by the reminder's lead, of them. */
    void remindLapsing(Instant from, Instant to) {
        var now = clock.instant();
        var lead = properties.remindBefore();
        for (var customerId : ledger.customersWithLotsExpiring(from.plus(lead), to.plus(lead))) {
            var customer = customers.find(customerId);
            if (customer.isEmpty()) {
                continue;
            }
            var standing = Standing.of(ledger.of(customerId), now);
            var lapsing = standing.lapsing().stream()
                    .filter(lapse -> lapse.expiresAt().isAfter(from.plus(lead))
                            && !lapse.expiresAt().isAfter(to.plus(lead)))
                    .toList();
            var points = lapsing.stream().mapToInt(Standing.Lapse::points).sum();
            if (points > 0) {
                messages.sendTemplate(
                        customerId,
                        LoyaltyMessages.POINTS_EXPIRING,
                        Purpose.MARKETING,
                        Map.of(
                                "points", Integer.toString(points),
                                "expiresOn",
                                        LoyaltyMessages.date(lapsing.getFirst().expiresAt(), customer.get()),
                                "balance", Integer.toString(standing.points())));
            }
        }
    }

    /**
     * On the morning of each birthday in the period (the customer's time zone): the birthday bonus, once a year,
     * and the birthday offer's code in a message.
     */
    void celebrateBirthdays(Instant from, Instant to) {
        var program = programs.current();
        for (var birthday : customers.birthdaysBetween(from, to, properties.birthdayMorning())) {
            var customerId = birthday.customerId();
            var now = accounts.lock(customerId);
            var year = Integer.toString(birthday.year());
            if (ledger.find(customerId, EntryKind.BIRTHDAY, year).isPresent()) {
                continue;
            }
            var offer = program.birthdayOffer();
            var code = promotions.issue(new CodeIssue(
                    customerId,
                    "loyalty:birthday",
                    offer.kind(),
                    offer.value(),
                    offer.currency(),
                    null,
                    offer.validFor()));
            var points = program.bonuses().birthday();
            ledger.append(
                    new Ledger.NewEntry(
                            customerId,
                            EntryKind.BIRTHDAY,
                            points,
                            null,
                            now,
                            points > 0 ? program.expiryOf(now) : null,
                            BigDecimal.ZERO,
                            null,
                            year,
                            "birthday " + year,
                            code.code()),
                    now);
            messages.sendTemplate(
                    customerId,
                    LoyaltyMessages.BIRTHDAY,
                    Purpose.MARKETING,
                    Map.of(
                            "points", Integer.toString(points),
                            "offer", LoyaltyMessages.discount(offer.kind(), offer.value(), offer.currency()),
                            "code", code.code()));
        }
    }
}
