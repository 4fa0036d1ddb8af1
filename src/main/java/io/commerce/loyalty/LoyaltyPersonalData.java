package io.commerce.loyalty;

import io.commerce.customer.PersonalDataHolder;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loyalty in the GDPR export (the standing and the whole ledger); an erasure anonymises: the ledger stays (the
 * points were real and the shop's books need them) under a pseudonym no one can trace back, reasons removed, and
 * references to the customer in others' referral entries and accounts replaced by the same pseudonym.
 */
@Component
class LoyaltyPersonalData implements PersonalDataHolder {

    /** What the export holds. */
    record Export(LoyaltyView standing, @Nullable String referrerId, List<LedgerEntry> ledger) {}

    private final Standings standings;
    private final Ledger ledger;
    private final Accounts accounts;
    private final JdbcClient jdbc;

    LoyaltyPersonalData(Standings standings, Ledger ledger, Accounts accounts, JdbcClient jdbc) {
        this.standings = standings;
        this.ledger = ledger;
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "loyalty";
    }

    @Override
    public Object export(String customerId) {
        return new Export(
                standings.of(customerId), accounts.referrerOf(customerId).orElse(null), ledger.everything(customerId));
    }

    @Override
    public void erase(String customerId) {
        var pseudonym = "erased-" + UUID.randomUUID();
        jdbc.sql("update loyalty_entry set customer_id = :pseudonym, reason = null where customer_id = :customerId")
                .param("pseudonym", pseudonym)
                .param("customerId", customerId)
                .update();
        jdbc.sql("update loyalty_entry set reference = :pseudonym where kind = 'REFERRAL' and reference = :customerId")
                .param("pseudonym", pseudonym)
                .param("customerId", customerId)
                .update();
        jdbc.sql("update loyalty_account set referrer_id = :pseudonym where referrer_id = :customerId")
                .param("pseudonym", pseudonym)
                .param("customerId", customerId)
                .update();
        jdbc.sql("delete from loyalty_account where customer_id = :customerId")
                .param("customerId", customerId)
                .update();
    }
}
