package io.commerce.order;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Questions journeys, loyalty and recommendations ask about customers' past orders, in plain SQL: cancelled
 * orders never count (but for the delivered orders loyalty credits, which were delivered). The lapse scan is one
 * indexed statement per page (orders in a window of placing times, keyset-paged, with no later order of the same
 * customer), never a loop over all customers.
 */
@Repository
class OrderHistory {

    private final JdbcClient jdbc;

    OrderHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean orderedSince(String customerId, Instant since) {
        return jdbc.sql("""
                        select exists (select 1 from orders
                                        where customer_id = :customer and status <> 'CANCELLED' and placed_at > :since)
                        """)
                .param("customer", customerId)
                .param("since", Timestamp.from(since))
                .query(Boolean.class)
                .single();
    }

    boolean orderedProductSince(String customerId, String productId, Instant since) {
        return jdbc.sql("""
                        select exists (select 1 from orders o join order_line l on l.order_id = o.id
                                        where o.customer_id = :customer and o.status <> 'CANCELLED'
                                          and o.placed_at > :since and l.product_id = :product)
                        """)
                .param("customer", customerId)
                .param("product", productId)
                .param("since", Timestamp.from(since))
                .query(Boolean.class)
                .single();
    }

    /**
     * Customers whose last order was placed in [{@code notBefore}, {@code before}), in placing order, from
     * after the keyset {@code after} on.
     */
    List<LastOrder> lastOrdersPlacedBetween(Instant notBefore, Instant before, LastOrder after, int limit) {
        return jdbc.sql("""
                        select o.customer_id, o.id, o.placed_at from orders o
                         where o.placed_at >= :notBefore and o.placed_at < :before and o.status <> 'CANCELLED'
                           and (o.placed_at, o.id) > (:afterAt, :afterId)
                           and not exists (select 1 from orders later
                                            where later.customer_id = o.customer_id and later.status <> 'CANCELLED'
                                              and (later.placed_at, later.id) > (o.placed_at, o.id))
                         order by o.placed_at, o.id
                         limit :limit
                        """)
                .param("notBefore", Timestamp.from(notBefore))
                .param("before", Timestamp.from(before))
                .param("afterAt", Timestamp.from(after == null ? notBefore : after.placedAt()))
                .param("afterId", after == null ? "" : after.orderId())
                .param("limit", limit)
                .query((rs, row) -> new LastOrder(
                        rs.getString("customer_id"),
                        rs.getString("id"),
                        rs.getTimestamp("placed_at").toInstant()))
                .list();
    }

    List<DeliveredOrder> deliveredSince(Instant since, @Nullable DeliveredOrder after, int limit) {
        return jdbc.sql("""
                        select id, customer_id, total, currency, delivered_at from orders
                         where status = 'DELIVERED' and delivered_at >= :since
                           and (customer_id, delivered_at, id) > (:customerId, :deliveredAt, :orderId)
                         order by customer_id, delivered_at, id
                         limit :limit
                        """)
                .param("since", Timestamp.from(since))
                .param("customerId", after == null ? "" : after.customerId())
                .param("deliveredAt", Timestamp.from(after == null ? Instant.EPOCH : after.deliveredAt()))
                .param("orderId", after == null ? "" : after.orderId())
                .param("limit", limit)
                .query((rs, n) -> new DeliveredOrder(
                        rs.getString("id"),
                        rs.getString("customer_id"),
                        rs.getBigDecimal("total"),
                        rs.getString("currency"),
                        rs.getTimestamp("delivered_at").toInstant()))
                .list();
    }

    Set<String> productsOrderedBy(String customerId) {
        return Set.copyOf(
                jdbc.sql("""
                        select distinct l.product_id
                          from orders o join order_line l on l.order_id = o.id
                         where o.customer_id = :customer
                        """).param("customer", customerId).query(String.class).list());
    }

    List<String> coPurchased(Collection<String> productIds, Collection<String> excluded, int limit) {
        return jdbc.sql("""
                        select other.product_id
                          from order_line mine
                          join orders o on o.id = mine.order_id and o.status <> 'CANCELLED'
                          join order_line other on other.order_id = mine.order_id
                         where mine.product_id = any(:products)
                           and other.product_id <> all(:products) and other.product_id <> all(:excluded)
                         group by other.product_id
                         order by count(distinct other.order_id) desc, other.product_id
                         limit :limit
                        """)
                .param("products", productIds.toArray(String[]::new))
                .param("excluded", excluded.toArray(String[]::new))
                .param("limit", limit)
                .query(String.class)
                .list();
    }
}
