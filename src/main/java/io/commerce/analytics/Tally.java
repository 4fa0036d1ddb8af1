package io.commerce.analytics;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Adds figures to the funnel: appended to {@code performance_delta} in the writer's transaction, one row per
 * hour and dimensions (no row shared by concurrent writers, so none waits for another); {@link RollUp} folds
 * them into {@code performance_hour}.
 */
@Repository
class Tally {

    /** Figures at a time (counted in its hour) for one set of dimensions. */
    record Delta(Instant at, Dimensions dimensions, Counts counts) {}

    private record Key(Instant hour, Dimensions dimensions) {}

    private final JdbcClient jdbc;

    Tally(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void write(Delta delta) {
        write(List.of(delta));
    }

    /** Appends the deltas, added up per hour and dimensions, in one statement. */
    void write(Collection<Delta> deltas) {
        var summed = new LinkedHashMap<Key, Counts>();
        deltas.forEach(delta -> summed.merge(
                new Key(delta.at().truncatedTo(ChronoUnit.HOURS), delta.dimensions()), delta.counts(), Counts::plus));
        if (summed.isEmpty()) {
            return;
        }
        var keys = List.copyOf(summed.keySet());
        var counts = keys.stream().map(summed::get).toList();
        jdbc.sql("""
                        insert into performance_delta (hour, source, campaign_id, journey, step, template_key, channel,
                                                       variant, sent, delivered, read, clicked, unique_clickers, replied,
                                                       opted_out, orders, revenue, cost)
                        select * from unnest(cast(:hour as timestamptz[]), cast(:source as text[]),
                                             cast(:campaign as text[]), cast(:journey as text[]), cast(:step as text[]),
                                             cast(:template as text[]), cast(:channel as text[]), cast(:variant as text[]),
                                             cast(:sent as bigint[]), cast(:delivered as bigint[]), cast(:read as bigint[]),
                                             cast(:clicked as bigint[]), cast(:unique as bigint[]),
                                             cast(:replied as bigint[]), cast(:optedOut as bigint[]),
                                             cast(:orders as bigint[]), cast(:revenue as numeric[]),
                                             cast(:cost as numeric[]))
                        """)
                .param("hour", keys.stream().map(k -> Timestamp.from(k.hour())).toArray(Timestamp[]::new))
                .param("source", keys.stream().map(k -> k.dimensions().source()).toArray(String[]::new))
                .param(
                        "campaign",
                        keys.stream().map(k -> k.dimensions().campaignId()).toArray(String[]::new))
                .param(
                        "journey",
                        keys.stream().map(k -> k.dimensions().journey()).toArray(String[]::new))
                .param("step", keys.stream().map(k -> k.dimensions().step()).toArray(String[]::new))
                .param(
                        "template",
                        keys.stream().map(k -> k.dimensions().templateKey()).toArray(String[]::new))
                .param(
                        "channel",
                        keys.stream().map(k -> k.dimensions().channel().name()).toArray(String[]::new))
                .param(
                        "variant",
                        keys.stream().map(k -> k.dimensions().variant()).toArray(String[]::new))
                .param("sent", counts.stream().map(Counts::sent).toArray(Long[]::new))
                .param("delivered", counts.stream().map(Counts::delivered).toArray(Long[]::new))
                .param("read", counts.stream().map(Counts::read).toArray(Long[]::new))
                .param("clicked", counts.stream().map(Counts::clicked).toArray(Long[]::new))
                .param("unique", counts.stream().map(Counts::uniqueClickers).toArray(Long[]::new))
                .param("replied", counts.stream().map(Counts::replied).toArray(Long[]::new))
                .param("optedOut", counts.stream().map(Counts::optedOut).toArray(Long[]::new))
                .param("orders", counts.stream().map(Counts::orders).toArray(Long[]::new))
                .param("revenue", counts.stream().map(Counts::revenue).toArray(BigDecimal[]::new))
                .param("cost", counts.stream().map(Counts::cost).toArray(BigDecimal[]::new))
                .update();
    }
}
