package io.commerce.order;

import io.commerce.shared.LineItem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A customer's latest orders as views, read with SQL (three statements, no entities in the session): what
 * customer service answers about for many messages a second, where loading {@link Order} entities cost a
 * query per order and collection and a dirty check of each at the routing transaction's end.
 */
@Repository
class RecentOrders {

    private final JdbcClient jdbc;

    RecentOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<OrderView> of(String customerId, int limit) {
        var orders = jdbc.sql("""
                        select * from orders where customer_id = :customer order by placed_at desc, id desc limit :limit
                        """)
                .param("customer", customerId)
                .param("limit", limit)
                .query(RecentOrders::view)
                .list();
        if (orders.isEmpty()) {
            return orders;
        }
        var ids = orders.stream().map(OrderView::orderId).toArray(String[]::new);
        var lines = byOrder(
                "order_line",
                ids,
                rs -> new LineItem(
                        rs.getString("product_id"),
                        rs.getString("variant_id"),
                        rs.getInt("quantity"),
                        rs.getBigDecimal("unit_price")));
        var shipments = byOrder(
                "shipment",
                ids,
                rs -> new Shipment(
                        rs.getString("carrier"),
                        rs.getString("tracking_number"),
                        rs.getString("tracking_url"),
                        rs.getTimestamp("shipped_at").toInstant()));
        return orders.stream()
                .map(order -> new OrderView(
                        order.orderId(),
                        order.customerId(),
                        order.cartId(),
                        order.status(),
                        order.currency(),
                        order.total(),
                        order.placedAt(),
                        order.orderUrl(),
                        List.copyOf(lines.getOrDefault(order.orderId(), List.of())),
                        List.copyOf(shipments.getOrDefault(order.orderId(), List.of())),
                        order.deliveredAt(),
                        order.cancelledAt(),
                        order.cancellationReason(),
                        null))
                .toList();
    }

    /** What a table of the orders' parts (lines, shipments) holds for these orders, by order, in position order. */
    private <T> Map<String, List<T>> byOrder(String table, String[] orderIds, Part<T> part) {
        return jdbc
                .sql("select * from " + table + " where order_id = any(:ids) order by order_id, position")
                .param("ids", orderIds)
                .query((rs, n) -> Map.entry(rs.getString("order_id"), part.map(rs)))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    /** One row of a part table as its record. */
    private interface Part<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** The order's own columns; its lines and shipments come after. */
    private static OrderView view(ResultSet rs, int row) throws SQLException {
        return new OrderView(
                rs.getString("id"),
                rs.getString("customer_id"),
                rs.getString("cart_id"),
                OrderStatus.valueOf(rs.getString("status")),
                rs.getString("currency"),
                rs.getBigDecimal("total"),
                rs.getTimestamp("placed_at").toInstant(),
                rs.getString("order_url"),
                List.of(),
                List.of(),
                instant(rs, "delivered_at"),
                instant(rs, "cancelled_at"),
                rs.getString("cancellation_reason"),
                null);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
