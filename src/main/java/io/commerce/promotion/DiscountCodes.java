package io.commerce.promotion;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the {@code discount_code} table. */
@Repository
class DiscountCodes {

    private final JdbcClient jdbc;

    DiscountCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<DiscountCodeView> find(String code) {
        return jdbc.sql("select * from discount_code where code = :code")
                .param("code", code)
                .query(DiscountCodes::map)
                .optional();
    }

    List<DiscountCodeView> ofCustomer(String customerId) {
        return jdbc.sql("select * from discount_code where customer_id = :customer order by issued_at, code")
                .param("customer", customerId)
                .query(DiscountCodes::map)
                .list();
    }

    static DiscountCodeView map(ResultSet rs, int row) throws SQLException {
        var redeemed = rs.getTimestamp("redeemed_at");
        return new DiscountCodeView(
                rs.getString("code"),
                rs.getString("customer_id"),
                rs.getString("reason"),
                DiscountKind.valueOf(rs.getString("kind")),
                rs.getBigDecimal("value"),
                rs.getString("currency"),
                rs.getBigDecimal("minimum_spend"),
                rs.getTimestamp("issued_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(),
                redeemed == null ? null : redeemed.toInstant(),
                rs.getString("order_id"));
    }
}
