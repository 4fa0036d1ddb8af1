package io.commerce.loyalty;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The members' accounts: one row each, made on first use, the lock of their ledger and who referred them. */
@Repository
class Accounts {

    private final JdbcClient jdbc;
    private final Clock clock;

    Accounts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Locks the customer's account row (made on first use) until the transaction ends: redemptions, adjustments
     * and bonuses of one customer are decided one after the other. Answers the time once the lock is held: what
     * the holder before wrote is dated before it, so it counts in what this holder reads.
     */
    Instant lock(String customerId) {
        var now = clock.instant();
        jdbc.sql("""
                        insert into loyalty_account (customer_id, created_at) values (:customerId, :now)
                        on conflict (customer_id) do nothing
                        """)
                .param("customerId", customerId)
                .param("now", Timestamp.from(now))
                .update();
        jdbc.sql("select 1 from loyalty_account where customer_id = :customerId for update")
                .param("customerId", customerId)
                .query(Integer.class)
                .single();
        return clock.instant();
    }

    /** Who referred the customer, when someone did. */
    Optional<String> referrerOf(String customerId) {
        return jdbc.sql("select referrer_id from loyalty_account where customer_id = :customerId")
                .param("customerId", customerId)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1)))
                .optional()
                .flatMap(referrer -> referrer);
    }

    /** Records who referred the customer (their account locked by the caller). */
    void setReferrer(String customerId, String referrerId, Instant at) {
        jdbc.sql(
                        "update loyalty_account set referrer_id = :referrerId, referred_at = :at where customer_id = :customerId")
                .param("customerId", customerId)
                .param("referrerId", referrerId)
                .param("at", Timestamp.from(at))
                .update();
    }
}
