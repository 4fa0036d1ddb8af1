package io.commerce.analytics;

import io.commerce.order.OrderAttribution;
import io.commerce.order.OrderAttributions;
import io.commerce.shared.Channel;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Orders' attributions as stored ({@code order_attribution}): one per order. */
@Repository
class Attributions implements OrderAttributions {

    enum TouchKind {
        CODE,
        CLICK,
        VIEW
    }

    /** An order attributed to a message; {@code revenue} is what it counts (zero in another currency). */
    record Attributed(
            String orderId,
            String customerId,
            TouchKind kind,
            Touch touch,
            Instant placedAt,
            BigDecimal revenue,
            String currency,
            @Nullable Instant cancelledAt) {

        /** What it counts in the funnel ({@code sign} 1) or takes back ({@code -1}). */
        Tally.Delta counted(int sign) {
            return new Tally.Delta(placedAt, touch.dimensions(), Counts.anOrder(sign, revenue));
        }
    }

    private final JdbcClient jdbc;

    Attributions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<OrderAttribution> of(String orderId) {
        return find(orderId).map(attributed -> {
            var dimensions = attributed.touch().dimensions();
            return new OrderAttribution(
                    attributed.touch().messageId(),
                    blankToNull(dimensions.campaignId()),
                    blankToNull(dimensions.journey()),
                    blankToNull(dimensions.step()),
                    attributed.kind().name().toLowerCase(Locale.ROOT),
                    attributed.touch().at());
        });
    }

    /** Serialises work on one order's attribution (its events may be handled at once). */
    void lock(String orderId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('order_attribution'), hashtext(:orderId))")
                .param("orderId", orderId)
                .query((rs, n) -> 1)
                .list();
    }

    Optional<Attributed> find(String orderId) {
        return jdbc.sql("select * from order_attribution where order_id = :orderId")
                .param("orderId", orderId)
                .query(Attributions::attributed)
                .optional();
    }

    void save(Attributed attributed) {
        var dimensions = attributed.touch().dimensions();
        jdbc.sql("""
                        insert into order_attribution (order_id, customer_id, message_id, touch, touched_at, placed_at,
                                                       source, campaign_id, journey, step, template_key, channel, variant,
                                                       revenue, currency, cancelled_at)
                        values (:orderId, :customerId, :messageId, :touch, :touchedAt, :placedAt, :source, :campaign,
                                :journey, :step, :template, :channel, :variant, :revenue, :currency, :cancelledAt)
                        on conflict (order_id) do update
                           set message_id = excluded.message_id, touch = excluded.touch, touched_at = excluded.touched_at,
                               source = excluded.source, campaign_id = excluded.campaign_id, journey = excluded.journey,
                               step = excluded.step, template_key = excluded.template_key, channel = excluded.channel,
                               variant = excluded.variant, revenue = excluded.revenue, cancelled_at = excluded.cancelled_at
                        """)
                .param("orderId", attributed.orderId())
                .param("customerId", attributed.customerId())
                .param("messageId", UUID.fromString(attributed.touch().messageId()))
                .param("touch", attributed.kind().name())
                .param("touchedAt", Timestamp.from(attributed.touch().at()))
                .param("placedAt", Timestamp.from(attributed.placedAt()))
                .param("source", dimensions.source())
                .param("campaign", dimensions.campaignId())
                .param("journey", dimensions.journey())
                .param("step", dimensions.step())
                .param("template", dimensions.templateKey())
                .param("channel", dimensions.channel().name())
                .param("variant", dimensions.variant())
                .param("revenue", attributed.revenue())
                .param("currency", attributed.currency())
                .param(
                        "cancelledAt",
                        attributed.cancelledAt() == null ? null : Timestamp.from(attributed.cancelledAt()))
                .update();
    }

    void cancel(String orderId, Instant at) {
        jdbc.sql("update order_attribution set cancelled_at = :at where order_id = :orderId")
                .param("orderId", orderId)
                .param("at", Timestamp.from(at))
                .update();
    }

    /**
     * Takes a return's refund from the order's attributed revenue, once per return: false when this return was
     * taken already.
     */
    boolean takeBack(String orderId, String returnId, BigDecimal amount, Instant at) {
        return jdbc.sql("""
                        with taken as (
                            insert into attribution_return (order_id, return_id, amount, returned_at)
                            values (:orderId, :returnId, :amount, :at)
                            on conflict do nothing
                            returning order_id, amount)
                        update order_attribution a set revenue = a.revenue - t.amount
                          from taken t where a.order_id = t.order_id
                        """)
                        .param("orderId", orderId)
                        .param("returnId", returnId)
                        .param("amount", amount)
                        .param("at", Timestamp.from(at))
                        .update()
                > 0;
    }

    /** The customer's attributions stay, anonymous: the figures they made do not change. */
    void erase(String customerId) {
        jdbc.sql("update order_attribution set customer_id = null where customer_id = :customerId")
                .param("customerId", customerId)
                .update();
    }

    private static Attributed attributed(ResultSet rs, int row) throws SQLException {
        var channel = Channel.valueOf(rs.getString("channel"));
        var cancelled = rs.getTimestamp("cancelled_at");
        return new Attributed(
                rs.getString("order_id"),
                rs.getString("customer_id"),
                TouchKind.valueOf(rs.getString("touch")),
                new Touch(
                        rs.getString("message_id"),
                        channel,
                        rs.getTimestamp("touched_at").toInstant(),
                        new Dimensions(
                                rs.getString("source"),
                                rs.getString("campaign_id"),
                                rs.getString("journey"),
                                rs.getString("step"),
                                rs.getString("template_key"),
                                channel,
                                rs.getString("variant"))),
                rs.getTimestamp("placed_at").toInstant(),
                rs.getBigDecimal("revenue"),
                rs.getString("currency"),
                cancelled == null ? null : cancelled.toInstant());
    }

    private static @Nullable String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
