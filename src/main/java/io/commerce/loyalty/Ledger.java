package io.commerce.loyalty;

import io.commerce.shared.PageRequest;
import io.commerce.shared.Paged;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The points ledger: entries are only ever appended (the database refuses the rest). */
@Repository
class Ledger {

    /** An entry to append; {@code reference} makes it unique per customer and kind when given. */
    record NewEntry(
            String customerId,
            EntryKind kind,
            int points,
            @Nullable Long lotId,
            Instant availableAt,
            @Nullable Instant expiresAt,
            BigDecimal spend,
            @Nullable Instant spendAt,
            @Nullable String reference,
            @Nullable String reason,
            @Nullable String code) {}

    private final JdbcClient jdbc;

    Ledger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many referral bonuses the customer earned as a referrer since an instant. */
    int referralsSince(String referrerId, Instant since) {
        return jdbc.sql("""
                        select count(*) from loyalty_entry l
                         where l.customer_id = :referrerId and l.kind = 'REFERRAL' and l.created_at >= :since
                           and l.reference <> coalesce((select referrer_id from loyalty_account a
                                                         where a.customer_id = :referrerId), '')
                        """)
                .param("referrerId", referrerId)
                .param("since", Timestamp.from(since))
                .query(Integer.class)
                .single();
    }

    /** Appends the entry; empty when one of the same customer, kind and reference exists already. */
    Optional<LedgerEntry> append(NewEntry entry, Instant now) {
        return jdbc.sql("""
                        insert into loyalty_entry (customer_id, kind, points, lot_id, available_at, expires_at, spend,
                                                   spend_at, reference, reason, code, created_at)
                        values (:customerId, :kind, :points, :lotId, :availableAt, :expiresAt, :spend, :spendAt,
                                :reference, :reason, :code, :now)
                        on conflict (customer_id, kind, reference) do nothing
                        returning *
                        """)
                .param("customerId", entry.customerId())
                .param("kind", entry.kind().name())
                .param("points", entry.points())
                .param("lotId", entry.lotId())
                .param("availableAt", Timestamp.from(entry.availableAt()))
                .param("expiresAt", entry.expiresAt() == null ? null : Timestamp.from(entry.expiresAt()))
                .param("spend", entry.spend())
                .param("spendAt", entry.spendAt() == null ? null : Timestamp.from(entry.spendAt()))
                .param("reference", entry.reference())
                .param("reason", entry.reason())
                .param("code", entry.code())
                .param("now", Timestamp.from(now))
                .query(Ledger::entry)
                .optional();
    }

    /**
     * Appends many entries in one statement, each once (those whose customer, kind and reference exist already are
     * skipped); answers how many were new and their points.
     */
    int[] appendAll(List<NewEntry> entries, Instant now) {
        if (entries.isEmpty()) {
            return new int[] {0, 0};
        }
        return jdbc.sql("""
                        with added as (
                            insert into loyalty_entry (customer_id, kind, points, available_at, expires_at, spend, spend_at,
                                                       reference, reason, created_at)
                            select * , cast(:now as timestamptz)
                              from unnest(cast(:customers as text[]), cast(:kinds as text[]), cast(:points as int[]),
                                          cast(:availableAts as timestamptz[]), cast(:expiresAts as timestamptz[]),
                                          cast(:spends as numeric[]), cast(:spendAts as timestamptz[]),
                                          cast(:references as text[]), cast(:reasons as text[]))
                            on conflict (customer_id, kind, reference) do nothing
                            returning points)
                        select count(*), coalesce(sum(points), 0) from added
                        """)
                .param("customers", entries.stream().map(NewEntry::customerId).toArray(String[]::new))
                .param("kinds", entries.stream().map(e -> e.kind().name()).toArray(String[]::new))
                .param("points", entries.stream().map(NewEntry::points).toArray(Integer[]::new))
                .param(
                        "availableAts",
                        entries.stream()
                                .map(e -> Timestamp.from(e.availableAt()))
                                .toArray(Timestamp[]::new))
                .param(
                        "expiresAts",
                        entries.stream()
                                .map(e -> e.expiresAt() == null ? null : Timestamp.from(e.expiresAt()))
                                .toArray(Timestamp[]::new))
                .param("spends", entries.stream().map(NewEntry::spend).toArray(BigDecimal[]::new))
                .param(
                        "spendAts",
                        entries.stream()
                                .map(e -> e.spendAt() == null ? null : Timestamp.from(e.spendAt()))
                                .toArray(Timestamp[]::new))
                .param("references", entries.stream().map(NewEntry::reference).toArray(String[]::new))
                .param("reasons", entries.stream().map(NewEntry::reason).toArray(String[]::new))
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)})
                .single();
    }

    /** Money spent at an instant (negative: returned), and the order it was (for an order's entry). */
    record Spend(Instant at, BigDecimal amount, @Nullable String order) {}

    /** The spend entries (orders and returns) of these customers, by customer: what places them in a tier. */
    Map<String, List<Spend>> spendOf(Collection<String> customerIds) {
        var spends = new HashMap<String, List<Spend>>();
        jdbc.sql("""
                        select customer_id, kind, reference, spend, spend_at from loyalty_entry
                         where customer_id = any(:ids) and spend_at is not null
                        """).param("ids", customerIds.toArray(String[]::new)).query(rs -> {
            spends.computeIfAbsent(rs.getString("customer_id"), id -> new ArrayList<>())
                    .add(new Spend(
                            rs.getTimestamp("spend_at").toInstant(),
                            rs.getBigDecimal("spend"),
                            rs.getString("kind").equals(EntryKind.ORDER.name()) ? rs.getString("reference") : null));
        });
        return spends;
    }

    /**
     * Every entry of the customer, the first first, with what a standing is computed from (not its reference,
     * reason and code): read from the covering index alone.
     */
    List<LedgerEntry> of(String customerId) {
        return jdbc.sql("""
                        select id, kind, points, lot_id, available_at, expires_at, spend, spend_at, created_at,
                               null as reference, null as reason, null as code
                          from loyalty_entry where customer_id = :customerId order by id
                        """)
                .param("customerId", customerId)
                .query(Ledger::entry)
                .list();
    }

    /** Every entry of the customer, whole, the first first (the GDPR export). */
    List<LedgerEntry> everything(String customerId) {
        return jdbc.sql("select * from loyalty_entry where customer_id = :customerId order by id")
                .param("customerId", customerId)
                .query(Ledger::entry)
                .list();
    }

    Optional<LedgerEntry> find(String customerId, EntryKind kind, String reference) {
        return jdbc.sql("""
                        select * from loyalty_entry where customer_id = :customerId and kind = :kind and reference = :reference
                        """)
                .param("customerId", customerId)
                .param("kind", kind.name())
                .param("reference", reference)
                .query(Ledger::entry)
                .optional();
    }

    /** The customer's entries, the latest first. */
    Paged<LedgerEntry> page(String customerId, PageRequest page) {
        var total = jdbc.sql("select count(*) from loyalty_entry where customer_id = :customerId")
                .param("customerId", customerId)
                .query(Long.class)
                .single();
        var items = jdbc.sql("""
                        select * from loyalty_entry where customer_id = :customerId order by id desc
                         limit :size offset :offset
                        """)
                .param("customerId", customerId)
                .param("size", page.size())
                .param("offset", (long) page.page() * page.size())
                .query(Ledger::entry)
                .list();
        return new Paged<>(items, page.page(), page.size(), total);
    }

    /** The customers with lots lapsing after {@code from} and no later than {@code to}. */
    List<String> customersWithLotsExpiring(Instant from, Instant to) {
        return jdbc.sql("""
                        select distinct customer_id from loyalty_entry
                         where expires_at > :from and expires_at <= :to and customer_id not like 'erased-%'
                        """)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(String.class)
                .list();
    }

    /** The lots that were pending and became available after {@code from}, no later than {@code to}. */
    List<Lot> lotsBecomingAvailable(Instant from, Instant to) {
        return jdbc.sql("""
                        select l.customer_id, l.id, l.points + coalesce((select sum(r.points) from loyalty_entry r
                                                                          where r.lot_id = l.id and r.kind = 'RETURN'), 0)
                          from loyalty_entry l
                         where l.available_at > :from and l.available_at <= :to and l.available_at > l.created_at
                           and l.points > 0 and l.lot_id is null and l.customer_id not like 'erased-%'
                         order by l.customer_id, l.id
                        """)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> new Lot(rs.getString(1), rs.getLong(2), rs.getInt(3)))
                .list();
    }

    /** A lot of a customer and its points less what returns took back. */
    record Lot(String customerId, long entryId, int points) {}

    static LedgerEntry entry(ResultSet rs, int row) throws SQLException {
        var lot = rs.getObject("lot_id", Long.class);
        return new LedgerEntry(
                rs.getLong("id"),
                EntryKind.valueOf(rs.getString("kind")),
                rs.getInt("points"),
                lot,
                rs.getTimestamp("available_at").toInstant(),
                instant(rs.getTimestamp("expires_at")),
                rs.getBigDecimal("spend"),
                instant(rs.getTimestamp("spend_at")),
                rs.getString("reference"),
                rs.getString("reason"),
                rs.getString("code"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
