package io.commerce.analytics;

import io.commerce.order.OrderCancelled;
import io.commerce.order.OrderPlaced;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Retention by monthly cohort of first order: of the customers whose first order fell in a month, the share
 * ordering again in each later month, for those a message reached (a delivery or a read in their first
 * order's month or later) and those none did. Keeps its own copy of who ordered when, and of the months
 * messages reached each customer.
 */
@Component
class Retention {

    private final JdbcClient jdbc;

    Retention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(OrderPlaced placed) {
        jdbc.sql("""
                        insert into retention_order (order_id, customer_id, placed_at, revenue, currency)
                        values (:orderId, :customerId, :at, :revenue, :currency)
                        on conflict (order_id) do nothing
                        """)
                .param("orderId", placed.orderId())
                .param("revenue", placed.total().amount())
                .param("currency", placed.total().currency().getCurrencyCode())
                .param("customerId", placed.customerId())
                .param("at", Timestamp.from(placed.placedAt()))
                .update();
    }

    @ApplicationModuleListener
    void on(OrderCancelled cancelled) {
        jdbc.sql("update retention_order set cancelled = true where order_id = :orderId")
                .param("orderId", cancelled.orderId())
                .update();
    }

    /** Messages reached these customers at these times (deliveries, reads): one statement. */
    void reached(Collection<Reach> reaches) {
        if (reaches.isEmpty()) {
            return;
        }
        var months = reaches.stream()
                .map(reach -> new Reach(reach.customerId(), monthOf(reach.at())))
                .distinct()
                .toList();
        jdbc.sql("""
                        insert into reached_month (customer_id, month)
                        select * from unnest(cast(:customers as text[]), cast(:months as date[]))
                        on conflict do nothing
                        """)
                .param("customers", months.stream().map(Reach::customerId).toArray(String[]::new))
                .param(
                        "months",
                        months.stream()
                                .map(reach -> java.sql.Date.valueOf(LocalDate.ofInstant(reach.at(), ZoneOffset.UTC)))
                                .toArray(java.sql.Date[]::new))
                .update();
    }

    record Reach(String customerId, Instant at) {}

    /** The cohorts of first orders placed from {@code from} to {@code to}, returning shares up to {@code now}. */
    List<RetentionCohort> cohorts(Instant from, Instant to, Instant now) {
        var sizes = new LinkedHashMap<Key, Long>();
        var returning = new LinkedHashMap<Key, Map<Integer, Long>>();
        jdbc.sql(COHORTS + """
                        select cohort, reached, count(*) as customers from cohort group by cohort, reached
                        order by cohort, reached desc
                        """)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(rs -> {
                    sizes.put(
                            new Key(rs.getObject("cohort", LocalDate.class), rs.getBoolean("reached")),
                            rs.getLong("customers"));
                });
        jdbc.sql(COHORTS + """
                        select c.cohort, c.reached,
                               cast((extract(year from o.month) - extract(year from c.cohort)) * 12
                                    + extract(month from o.month) - extract(month from c.cohort) as int) as after,
                               count(distinct c.customer_id) as customers
                          from cohort c
                          join (select distinct customer_id,
                                       cast(date_trunc('month', placed_at at time zone 'UTC') as date) as month
                                  from retention_order where not cancelled) o
                            on o.customer_id = c.customer_id and o.month > c.cohort
                         group by 1, 2, 3
                        """)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(rs -> {
                    returning
                            .computeIfAbsent(
                                    new Key(rs.getObject("cohort", LocalDate.class), rs.getBoolean("reached")),
                                    key -> new LinkedHashMap<>())
                            .put(rs.getInt("after"), rs.getLong("customers"));
                });
        var current = YearMonth.from(LocalDate.ofInstant(now, ZoneOffset.UTC));
        var cohorts = new ArrayList<RetentionCohort>();
        sizes.forEach((key, size) -> {
            var month = YearMonth.from(key.month());
            var later = (int) month.until(current, java.time.temporal.ChronoUnit.MONTHS);
            var shares = new ArrayList<Double>();
            for (var after = 1; after <= later; after++) {
                var count = returning.getOrDefault(key, Map.of()).getOrDefault(after, 0L);
                shares.add(Math.round(10_000.0 * count / size) / 10_000.0);
            }
            cohorts.add(new RetentionCohort(month, key.reached(), size, shares));
        });
        return cohorts;
    }

    private record Key(LocalDate month, boolean reached) {}

    /** Each customer whose first (not cancelled) order falls in the period, with its month and whether reached. */
    private static final String COHORTS = """
            with firsts as (
                select customer_id, min(placed_at) as first_at from retention_order where not cancelled
                 group by customer_id),
            cohort as (
                select f.customer_id, cast(date_trunc('month', f.first_at at time zone 'UTC') as date) as cohort,
                       exists (select 1 from reached_month r
                                where r.customer_id = f.customer_id
                                  and r.month >= cast(date_trunc('month', f.first_at at time zone 'UTC') as date))
                           as reached
                  from firsts f
                 where f.first_at >= :from and f.first_at < :to)
            """;

    private static Instant monthOf(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC)
                .withDayOfMonth(1)
                .atStartOfDay()
                .toInstant(ZoneOffset.UTC);
    }
}
