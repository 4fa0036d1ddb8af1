package io.commerce.loyalty;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a customer stands, computed from their ledger at an instant: the points available (the sum of the
 * entries that count by then), the pending ones (the rest), what each lot has left (spends take from the lots
 * expiring first; a return or an expiry from its own lot), the points lapsing by date, the lifetime points and
 * the rolling 12-month spend.
 */
record Standing(
        int points,
        int pendingPoints,
        int lifetimePoints,
        BigDecimal spend12Months,
        Map<Long, Integer> leftInLot,
        List<Lapse> lapsing) {

    /** Points of lots lapsing at an instant. */
    record Lapse(int points, Instant expiresAt) {}

    /** A year, as the tiers count spend. */
    static final Duration TWELVE_MONTHS = Duration.ofDays(365);

    static Standing of(List<LedgerEntry> entries, Instant now) {
        var points = 0;
        var pending = 0;
        var lifetime = 0;
        var spend = BigDecimal.ZERO;
        var takenFromLot = new HashMap<Long, Integer>();
        var spent = 0; // what the available spends (redemptions, negative adjustments) took, from any lot
        for (var entry : entries) {
            // a spend counts at once, whatever its date: no reader may spend the same points again
            var counts = entry.availableBy(now) || (entry.points() < 0 && entry.lotId() == null);
            if (counts) {
                points += entry.points();
            } else {
                pending += entry.points();
            }
            if (entry.isLot() || entry.kind() == EntryKind.RETURN) {
                lifetime += entry.points();
            }
            if (entry.spendAt() != null && entry.spendAt().isAfter(now.minus(TWELVE_MONTHS))) {
                spend = spend.add(entry.spend());
            }
            if (entry.lotId() != null) {
                takenFromLot.merge(entry.lotId(), -entry.points(), Integer::sum);
            } else if (!entry.isLot() && counts) {
                spent -= entry.points();
            }
        }
        var lots = entries.stream()
                .filter(entry -> entry.isLot() && entry.availableBy(now))
                .sorted(Comparator.comparing(
                                (LedgerEntry lot) -> lot.expiresAt() == null ? Instant.MAX : lot.expiresAt())
                        .thenComparing(LedgerEntry::entryId))
                .toList();
        var left = new LinkedHashMap<Long, Integer>();
        var lapsing = new LinkedHashMap<Instant, Integer>();
        var cumulative = 0;
        for (var lot : lots) {
            var size = lot.points() - takenFromLot.getOrDefault(lot.entryId(), 0);
            cumulative += size;
            var remaining = Math.max(0, Math.min(size, cumulative - spent));
            left.put(lot.entryId(), remaining);
            if (remaining > 0 && lot.expiresAt() != null && lot.expiresAt().isAfter(now)) {
                lapsing.merge(lot.expiresAt(), remaining, Integer::sum);
            }
        }
        var lapses = new ArrayList<Lapse>();
        lapsing.forEach((at, lapse) -> lapses.add(new Lapse(lapse, at)));
        return new Standing(points, pending, lifetime, spend, left, List.copyOf(lapses));
    }
}
