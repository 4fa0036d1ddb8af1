package io.commerce.consent;

import io.commerce.shared.Channel;
import io.commerce.shared.Purpose;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The consent tables: {@code consent} holds the current state per channel and purpose, {@code
 * consent_change} every change ever recorded. The database refuses updates and deletes on the ledger.
 */
@Repository
class ConsentLedger {

    private static final String COLUMNS = "channel, purpose, status, changed_at, source, evidence";

    private final JdbcClient jdbc;

    ConsentLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The current state, locked for the rest of the transaction so concurrent changes queue up. */
    Optional<ConsentRecord> lockCurrent(String customerId, Channel channel, Purpose purpose) {
        return jdbc.sql("select " + COLUMNS + " from consent"
                        + " where customer_id = :customer and channel = :channel and purpose = :purpose for update")
                .param("customer", customerId)
                .param("channel", name(channel))
                .param("purpose", name(purpose))
                .query(ConsentLedger::map)
                .optional();
    }

    /** Records a change: the new current state and one more ledger entry. */
    void append(String customerId, ConsentRecord record) {
        jdbc.sql("""
                        insert into consent (customer_id, channel, purpose, status, changed_at, source, evidence)
                        values (:customer, :channel, :purpose, :status, :changedAt, :source, :evidence)
                        on conflict (customer_id, channel, purpose) do update
                           set status = excluded.status, changed_at = excluded.changed_at,
                               source = excluded.source, evidence = excluded.evidence
                        """).paramSource(params(customerId, record)).update();
        jdbc.sql("""
                        insert into consent_change (customer_id, channel, purpose, status, changed_at, source, evidence)
                        values (:customer, :channel, :purpose, :status, :changedAt, :source, :evidence)
                        """).paramSource(params(customerId, record)).update();
    }

    List<ConsentRecord> current(String customerId) {
        return jdbc.sql("select " + COLUMNS + " from consent where customer_id = :customer order by channel, purpose")
                .param("customer", customerId)
                .query(ConsentLedger::map)
                .list();
    }

    List<ConsentRecord> history(String customerId) {
        return jdbc.sql("select " + COLUMNS + " from consent_change where customer_id = :customer order by id")
                .param("customer", customerId)
                .query(ConsentLedger::map)
                .list();
    }

    boolean isGranted(String customerId, Channel channel, Purpose purpose) {
        return jdbc.sql("select count(*) from consent where customer_id = :customer and channel = :channel"
                                + " and purpose = :purpose and status = 'GRANTED'")
                        .param("customer", customerId)
                        .param("channel", name(channel))
                        .param("purpose", name(purpose))
                        .query(Long.class)
                        .single()
                > 0;
    }

    Set<Grant> grantsOf(Collection<String> customerIds) {
        if (customerIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("select customer_id, channel, purpose from consent"
                        + " where customer_id = any(:customers) and status = 'GRANTED'")
                .param("customers", customerIds.stream().distinct().toArray(String[]::new))
                .query((rs, n) ->
                        new Grant(rs.getString(1), Channel.valueOf(rs.getString(2)), Purpose.valueOf(rs.getString(3))))
                .list());
    }

    private static Map<String, Object> params(String customerId, ConsentRecord record) {
        var params = new HashMap<String, Object>();
        params.put("customer", customerId);
        params.put("channel", name(record.channel()));
        params.put("purpose", name(record.purpose()));
        params.put("status", name(record.status()));
        params.put("changedAt", Timestamp.from(record.changedAt()));
        params.put("source", record.source());
        params.put("evidence", record.evidence());
        return params;
    }

    private static ConsentRecord map(ResultSet rs, int row) throws SQLException {
        return new ConsentRecord(
                Channel.valueOf(rs.getString("channel")),
                Purpose.valueOf(rs.getString("purpose")),
                ConsentStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("changed_at").toInstant(),
                rs.getString("source"),
                rs.getString("evidence"));
    }

    private static String name(Enum<?> value) {
        return value.name();
    }
}
