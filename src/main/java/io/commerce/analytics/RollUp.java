package io.commerce.analytics;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Folds the funnel's new figures ({@code performance_delta}) into the hourly roll-ups ({@code performance_hour})
 * every few seconds: delete and add up in one statement, so a figure counts exactly once, and one instance at a
 * time (a transaction-scoped advisory lock; the others skip their turn).
 */
@Component
class RollUp {

    /** The advisory lock's key: any number no other lock of the service uses. */
    private static final long LOCK = 0x616e616c79746963L; // "analytic"

    private static final String FIGURES =
            "sent, delivered, read, clicked, unique_clickers, replied, opted_out, orders," + " revenue, cost";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    RollUp(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** Folds up to {@code limit} deltas in one transaction; returns how many. */
    int fold(int limit) {
        return transaction.execute(status -> foldInTransaction(limit));
    }

    private int foldInTransaction(int limit) {
        if (!jdbc.sql("select pg_try_advisory_xact_lock(:lock)")
                .param("lock", LOCK)
                .query(Boolean.class)
                .single()) {
            return 0;
        }
        return jdbc.sql("""
                        with moved as (
                            delete from performance_delta
                             where id in (select id from performance_delta order by id limit :limit)
                            returning *),
                        summed as (
                            insert into performance_hour (hour, source, campaign_id, journey, step, template_key,
                                                          channel, variant, %1$s)
                            select hour, source, campaign_id, journey, step, template_key, channel, variant,
                                   sum(sent), sum(delivered), sum(read), sum(clicked), sum(unique_clickers),
                                   sum(replied), sum(opted_out), sum(orders), sum(revenue), sum(cost)
                              from moved
                             group by hour, source, campaign_id, journey, step, template_key, channel, variant
                             order by hour, source, campaign_id, journey, step, template_key, channel, variant
                            on conflict (hour, source, campaign_id, journey, step, template_key, channel, variant)
                            do update set sent = performance_hour.sent + excluded.sent,
                                          delivered = performance_hour.delivered + excluded.delivered,
                                          read = performance_hour.read + excluded.read,
                                          clicked = performance_hour.clicked + excluded.clicked,
                                          unique_clickers = performance_hour.unique_clickers + excluded.unique_clickers,
                                          replied = performance_hour.replied + excluded.replied,
                                          opted_out = performance_hour.opted_out + excluded.opted_out,
                                          orders = performance_hour.orders + excluded.orders,
                                          revenue = performance_hour.revenue + excluded.revenue,
                                          cost = performance_hour.cost + excluded.cost)
                        select count(*) from moved
                        """.formatted(FIGURES))
                .param("limit", limit)
                .query(Integer.class)
                .single();
    }

    @Scheduled(fixedDelayString = "${commerce.analytics.roll-up-every:PT5S}")
    void foldNew() {
        while (fold(50_000) == 50_000) {
            // more waiting: go on
        }
    }
}
