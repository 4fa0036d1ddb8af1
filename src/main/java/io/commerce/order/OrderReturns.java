package io.commerce.order;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Returns of delivered orders. Recording one locks the order's row, so concurrent returns of the same order
 * are checked one after the other: never more back than was ordered, never more money than the total.
 */
@Repository
class OrderReturns {

    private static final TypeReference<List<ReturnRequest.Line>> LINES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    OrderReturns(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The order as a return sees it, its row locked until the transaction ends. */
    record Returnable(String customerId, OrderStatus status, BigDecimal total, String currency, BigDecimal returned) {}

    Returnable lock(String orderId) {
        return jdbc.sql("""
                        select o.customer_id, o.status, o.total, o.currency,
                               coalesce((select sum(amount) from order_return r where r.order_id = o.id), 0) returned
                          from orders o where o.id = :orderId for update
                        """)
                .param("orderId", orderId)
                .query((rs, n) -> new Returnable(
                        rs.getString("customer_id"),
                        OrderStatus.valueOf(rs.getString("status")),
                        rs.getBigDecimal("total"),
                        rs.getString("currency"),
                        rs.getBigDecimal("returned")))
                .optional()
                .orElseThrow(() -> new OrderNotFoundException(orderId));
    }

    /** Of each variant of the order, how many may still come back (ordered less already returned). */
    Map<String, Integer> returnableQuantities(String orderId) {
        var left = new HashMap<String, Integer>();
        jdbc.sql("select variant_id, sum(quantity) from order_line where order_id = :orderId group by variant_id")
                .param("orderId", orderId)
                .query(rs -> {
                    left.put(rs.getString(1), rs.getInt(2));
                });
        of(orderId)
                .forEach(done ->
                        done.lines().forEach(line -> left.merge(line.variantId(), -line.quantity(), Integer::sum)));
        return left;
    }

    OrderReturn insert(String orderId, ReturnRequest request, String currency, Instant at) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                        insert into order_return (id, order_id, amount, lines, returned_at)
                        values (:id, :orderId, :amount, cast(:lines as jsonb), :at)
                        """)
                .param("id", id)
                .param("orderId", orderId)
                .param("amount", request.amount())
                .param("lines", json.writeValueAsString(request.lines()))
                .param("at", Timestamp.from(at))
                .update();
        return new OrderReturn(id.toString(), orderId, request.lines(), request.amount(), currency, at);
    }

    List<OrderReturn> of(String orderId) {
        return jdbc.sql("""
                        select r.id, r.order_id, r.amount, r.lines, r.returned_at, o.currency
                          from order_return r join orders o on o.id = r.order_id
                         where r.order_id = :orderId order by r.returned_at, r.id
                        """)
                .param("orderId", orderId)
                .query((rs, n) -> new OrderReturn(
                        rs.getString("id"),
                        rs.getString("order_id"),
                        json.readValue(rs.getString("lines"), LINES),
                        rs.getBigDecimal("amount"),
                        rs.getString("currency"),
                        rs.getTimestamp("returned_at").toInstant()))
                .list();
    }
}
