package io.commerce.analytics;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Performance reports from the daily and hourly roll-ups, with the figures not yet folded into them: a period is whole
 * hours, from the hour {@code from} falls in to the one before {@code to}'s (or {@code to}'s own, when it is
 * not on the hour).
 */
@Repository
class Performance {

    private static final String FIGURES = "hour, source, campaign_id, journey, step, template_key, channel, variant,"
            + " sent, delivered, read, clicked, unique_clickers, replied, opted_out, orders, revenue, cost";

    private final JdbcClient jdbc;

    Performance(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<PerformanceRow> rows(Instant from, Instant to, GroupBy groupBy, String currency) {
        return rows(from, to, groupBy, null, currency);
    }

    /** As {@link #rows(Instant, Instant, GroupBy, String)}, of one campaign's messages when {@code campaignId} is given. */
    List<PerformanceRow> rows(Instant from, Instant to, GroupBy groupBy, String campaignId, String currency) {
        // whole days from the daily roll-ups, the hours before the first and after the last from the hourly ones
        var start = from.truncatedTo(ChronoUnit.HOURS);
        var firstDay = start.truncatedTo(ChronoUnit.DAYS).equals(start)
                ? start
                : start.truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
        var lastDay = to.truncatedTo(ChronoUnit.DAYS);
        var days = firstDay.isBefore(lastDay);
        return jdbc.sql("""
                        with figures as (
                            select %4$s from performance_day where day >= :firstDay and day < :lastDay
                            union all
                            select %1$s from performance_hour
                             where (hour >= :from and hour < :firstDay) or (hour >= :lastDay and hour < :to)
                            union all
                            select %1$s from performance_delta where hour >= :from and hour < :to
                            union all
                            select %1$s from performance_tally where hour >= :from and hour < :to)
                        select %2$s as key, sum(sent) as sent, sum(delivered) as delivered, sum(read) as read,
                               sum(clicked) as clicked, sum(unique_clickers) as unique_clickers, sum(replied) as replied,
                               sum(opted_out) as opted_out, sum(orders) as orders, sum(revenue) as revenue,
                               sum(cost) as cost
                          from figures
                         where %3$s and (cast(:campaign as text) is null or campaign_id = :campaign)
                         group by 1
                         order by 1
                        """.formatted(FIGURES, groupBy.key, groupBy.having, FIGURES.replaceFirst("^hour", "day")))
                .param("from", Timestamp.from(start))
                .param("to", Timestamp.from(to))
                .param("firstDay", Timestamp.from(days ? firstDay : to))
                .param("lastDay", Timestamp.from(days ? lastDay : to))
                .param("campaign", campaignId)
                .query((rs, n) -> PerformanceRow.of(
                        rs.getString("key"),
                        new Counts(
                                rs.getLong("sent"),
                                rs.getLong("delivered"),
                                rs.getLong("read"),
                                rs.getLong("clicked"),
                                rs.getLong("unique_clickers"),
                                rs.getLong("replied"),
                                rs.getLong("opted_out"),
                                rs.getLong("orders"),
                                rs.getBigDecimal("revenue"),
                                rs.getBigDecimal("cost")),
                        currency))
                .list();
    }
}
