package io.commerce.campaign;

import io.commerce.loyalty.LoyaltyService;
import io.commerce.loyalty.TierBand;
import io.commerce.shared.Audience;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Turns a segment into the SQL condition on a customer ({@code c}) that selects its customers, for the
 * set-based snapshot at launch. It reads
 * the customer, order and catalog tables directly, read-only (ADR 0010: one statement over a million
 * customers instead of a million service calls); every value is a bound parameter, only fixed fragments
 * are joined. Who may get marketing at all (consent, a phone, not erased) is messaging's rule, added there.
 */
@Component
class SegmentQuery {

    private final LoyaltyService loyalty;

    SegmentQuery(LoyaltyService loyalty) {
        this.loyalty = loyalty;
    }

    Audience audience(Segment segment, Instant now) {
        var sql = new StringBuilder("true");
        var params = new HashMap<String, Object>();
        if (!segment.tags().isEmpty()) {
            sql.append(" and c.tags @> cast(:tags as text[])"); // the GIN index on tags
            params.put("tags", segment.tags().toArray(String[]::new));
        }
        if (segment.language() != null) {
            // canonical tags (LanguageTag) hold no LIKE wildcards
            sql.append(" and (c.language = :language or c.language like :regional)");
            params.put("language", segment.language());
            params.put("regional", segment.language() + "-%");
        }
        if (segment.purchasedCategory() != null) {
            sql.append(" and exists (select 1 from orders o join order_line l on l.order_id = o.id"
                    + " join product p on p.id = l.product_id"
                    + " where o.customer_id = c.id and o.status <> 'CANCELLED' and p.category = :category)");
            params.put("category", segment.purchasedCategory());
        }
        if (segment.orderedWithinDays() != null) {
            sql.append(" and exists (" + ORDER_SINCE.formatted("orderedSince") + ")");
            params.put("orderedSince", daysBefore(now, segment.orderedWithinDays()));
        }
        if (segment.notOrderedWithinDays() != null) {
            sql.append(" and not exists (" + ORDER_SINCE.formatted("notOrderedSince") + ")");
            params.put("notOrderedSince", daysBefore(now, segment.notOrderedWithinDays()));
        }
        var audience = new Audience(sql.toString(), params);
        if (segment.tiers().isEmpty()) {
            return audience;
        }
        var bands = loyalty.tierBands().stream()
                .filter(band -> segment.tiers().contains(band.tier()))
                .toList();
        return inBands(audience, bands, true, now, "tier");
    }

    /**
     * The audience's customers whose rolling 12-month spend (the loyalty ledger's) falls in one of the bands
     * ({@code inside}), or in none of them; {@code name} keeps this condition's parameters apart from others'.
     */
    Audience inBands(Audience audience, List<TierBand> bands, boolean inside, Instant now, String name) {
        var spend = "(select coalesce(sum(e.spend), 0) from loyalty_entry e where e.customer_id = c.id"
                + " and e.spend_at > :" + name + "SpendSince)";
        var condition = spend + " <@ any(cast(:" + name + "Ranges as numrange[]))";
        return audience.and(
                inside ? condition : "not " + condition,
                Map.of(
                        name + "Ranges",
                        bands.stream()
                                .map(band -> "[" + band.from().toPlainString() + ","
                                        + (band.to() == null ? "" : band.to().toPlainString()) + ")")
                                .toArray(String[]::new),
                        name + "SpendSince",
                        Timestamp.from(now.minus(TierBand.SPEND_WINDOW))));
    }

    /**
     * The audience's customers whose bucket for this campaign ({@link Experiment}: one of 10,000, by a hash of the
     * customer's id and the campaign's) is from {@code from} (inclusive) to {@code to}; all of them for 0-10,000.
     */
    Audience inBuckets(Audience audience, UUID campaignId, int from, int to) {
        if (from == 0 && to == Experiment.BUCKETS) {
            return audience;
        }
        return audience.and(
                "mod(abs(cast(hashtext(c.id || :bucketSalt) as bigint)), " + Experiment.BUCKETS
                        + ") >= :bucketFrom and mod(abs(cast(hashtext(c.id || :bucketSalt) as bigint)), "
                        + Experiment.BUCKETS + ") < :bucketTo",
                Map.of("bucketSalt", ":" + campaignId, "bucketFrom", from, "bucketTo", to));
    }

    /** An order of the customer placed since the named parameter (orders_customer_idx). */
    private static final String ORDER_SINCE =
            "select 1 from orders o where o.customer_id = c.id" + " and o.status <> 'CANCELLED' and o.placed_at >= :%s";

    private static Timestamp daysBefore(Instant now, int days) {
        return Timestamp.from(now.minus(Duration.ofDays(days)));
    }
}
