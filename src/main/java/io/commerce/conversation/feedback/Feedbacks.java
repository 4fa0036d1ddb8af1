package io.commerce.conversation.feedback;

import io.commerce.conversation.FeedbackReason;
import io.commerce.shared.Channel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The feedback table: one rating per delivered order, its reason, and set-based summaries of them. */
@Repository
class Feedbacks {

    private static final int MAX_COMMENT = 1000;

    private final JdbcClient jdbc;

    Feedbacks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the rating of an order; an order is rated once (a second rating of the same order is ignored). */
    void rate(String orderId, String customerId, int rating, Channel channel, Instant now) {
        jdbc.sql("""
                        insert into feedback (id, order_id, customer_id, rating, channel, created_at, updated_at)
                        values (:id, :order, :customer, :rating, :channel, :now, :now)
                        on conflict (order_id) do nothing
                        """)
                .param("id", UUID.randomUUID())
                .param("order", orderId)
                .param("customer", customerId)
                .param("rating", rating)
                .param("channel", channel.name())
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Why the order was rated low: a reason chosen, or the customer's own words ({@code OTHER}). */
    void explain(String orderId, FeedbackReason reason, String comment, Instant now) {
        jdbc.sql("update feedback set reason = :reason, comment = :comment, updated_at = :now where order_id = :order")
                .param("reason", reason.name())
                .param("comment", comment == null ? null : truncate(comment.strip()))
                .param("now", Timestamp.from(now))
                .param("order", orderId)
                .update();
    }

    /** Counts per rating and reason in one grouped query, between {@code from} and {@code to} (each optional). */
    FeedbackSummary summary(Instant from, Instant to) {
        var distribution = new LinkedHashMap<String, Long>();
        for (int rating = 1; rating <= 5; rating++) {
            distribution.put(Integer.toString(rating), 0L);
        }
        var byReason = new LinkedHashMap<String, Long>();
        for (var reason : FeedbackReason.values()) {
            byReason.put(lower(reason), 0L);
        }
        jdbc.sql("""
                        select rating, reason, count(*) as n from feedback
                         where created_at >= coalesce(cast(:from as timestamptz), '-infinity')
                           and created_at < coalesce(cast(:to as timestamptz), 'infinity')
                         group by rating, reason
                        """)
                .param("from", from == null ? null : Timestamp.from(from))
                .param("to", to == null ? null : Timestamp.from(to))
                .query(rs -> {
                    var n = rs.getLong("n");
                    distribution.merge(Integer.toString(rs.getInt("rating")), n, Long::sum);
                    var reason = rs.getString("reason");
                    if (reason != null) {
                        byReason.merge(reason.toLowerCase(Locale.ROOT), n, Long::sum);
                    }
                });
        long count = 0;
        long sum = 0;
        for (var entry : distribution.entrySet()) {
            count += entry.getValue();
            sum += Integer.parseInt(entry.getKey()) * entry.getValue();
        }
        var average =
                count == 0 ? null : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
        return new FeedbackSummary(count, average, distribution, byReason);
    }

    List<FeedbackView> byCustomer(String customerId) {
        return jdbc.sql("select * from feedback where customer_id = :customer order by created_at, id")
                .param("customer", customerId)
                .query(this::map)
                .list();
    }

    /** The customer's own words go; ratings and reasons stay for analytics (the customer id is anonymous then). */
    void forgetComments(String customerId) {
        jdbc.sql("update feedback set comment = null where customer_id = :customer and comment is not null")
                .param("customer", customerId)
                .update();
    }

    private FeedbackView map(ResultSet rs, int row) throws SQLException {
        var reason = rs.getString("reason");
        return new FeedbackView(
                rs.getString("order_id"),
                rs.getString("customer_id"),
                rs.getInt("rating"),
                reason == null ? null : FeedbackReason.valueOf(reason),
                rs.getString("comment"),
                Channel.valueOf(rs.getString("channel")),
                rs.getTimestamp("created_at").toInstant());
    }

    private static String truncate(String comment) {
        return comment.length() <= MAX_COMMENT ? comment : comment.substring(0, MAX_COMMENT);
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
