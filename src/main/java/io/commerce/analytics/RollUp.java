package io.commerce.analytics;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Folds the funnel's new figures ({@code performance_delta}, appended, and {@code performance_tally}, added in
 * place) into the hourly and daily roll-ups ({@code performance_hour}, {@code performance_day}) every few
 * seconds: delete and add up in one statement, so a figure counts exactly once, and one instance at a time (a
 * transaction-scoped advisory lock; the others skip their turn).
 */
@Component
class RollUp {

    /** The advisory lock's key: any number no other lock of the service uses. */
    private static final long LOCK = 0x616e616c79746963L; // "analytic"

    private static final String DIMENSIONS = "source, campaign_id, journey, step, template_key, channel, variant";
    private static final List<String> FIGURE_COLUMNS = List.of(
            "sent",
            "delivered",
            "read",
            "clicked",
            "unique_clickers",
            "replied",
            "opted_out",
            "orders",
            "revenue",
            "cost");
    private static final String FIGURES = String.join(", ", FIGURE_COLUMNS);
    private static final String SUMS =
            FIGURE_COLUMNS.stream().map(c -> "sum(" + c + ")").collect(Collectors.joining(", "));
    private static final String ADDED = FIGURE_COLUMNS.stream()
            .map(c -> c + " = t." + c + " + excluded." + c)
            .collect(Collectors.joining(", "));

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    RollUp(JdbcClient jdbc, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Folds up to {@code limit} deltas in one transaction; returns how many. */
    int fold(int limit) {
        return transaction.execute(status -> locked() ? fold("""
                        delete from performance_delta
                         where id in (select id from performance_delta order by id limit :limit)
                        returning *""", Map.of("limit", limit)) : 0);
    }

    /**
     * Folds the running tallies of hours that ended over a minute ago, in a short transaction of their own. The
     * writers add to the current hour's rows, so the two never meet (a row a late writer still holds is left for
     * the next turn); a report reads the running rows meanwhile.
     */
    int foldTallies() {
        var ended = clock.instant().minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.HOURS);
        return transaction.execute(status -> locked() ? fold("""
                        delete from performance_tally
                         where ctid = any(array(select ctid from performance_tally where hour < :ended
                                                   for update skip locked))
                        returning *""", Map.of("ended", Timestamp.from(ended))) : 0);
    }

    private boolean locked() {
        return jdbc.sql("select pg_try_advisory_xact_lock(:lock)")
                .param("lock", LOCK)
                .query(Boolean.class)
                .single();
    }

    /** Adds up what {@code moving} (a delete returning figures) takes away into the hourly and daily roll-ups. */
    private int fold(String moving, Map<String, ?> params) {
        return jdbc.sql("""
                        with moved as (%5$s),
                        hourly as (
                            insert into performance_hour as t (hour, %1$s, %2$s)
                            select hour, %1$s, %3$s from moved
                             group by hour, %1$s
                             order by hour, %1$s
                            on conflict (hour, %1$s) do update set %4$s),
                        daily as (
                            insert into performance_day as t (day, %1$s, %2$s)
                            select date_trunc('day', hour, 'UTC'), %1$s, %3$s from moved
                             group by 1, %1$s
                             order by 1, %1$s
                            on conflict (day, %1$s) do update set %4$s)
                        select count(*) from moved
                        """.formatted(DIMENSIONS, FIGURES, SUMS, ADDED, moving))
                .params(params)
                .query(Integer.class)
                .single();
    }

    @Scheduled(fixedDelayString = "${commerce.analytics.roll-up-every:PT5S}")
    void foldNew() {
        while (fold(50_000) == 50_000) {
            // more waiting: go on
        }
        foldTallies();
    }
}
