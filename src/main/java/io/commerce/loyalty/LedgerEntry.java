package io.commerce.loyalty;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a customer's points ledger. Positive entries are lots: they count from {@code availableAt} (the
 * pending period's end) and lapse at {@code expiresAt}; a return or an expiry names the lot it takes from
 * ({@code lotId}). {@code reference} is the order, review, referral, return, redemption or lot it is about;
 * {@code spend} what it adds to the rolling 12-month spend of the tiers; {@code code} a redemption's or birthday
 * offer's discount code.
 */
public record LedgerEntry(
        long entryId,
        EntryKind kind,
        int points,
        @Nullable Long lotId,
        Instant availableAt,
        @Nullable Instant expiresAt,
        BigDecimal spend,
        @Nullable Instant spendAt,
        @Nullable String reference,
        @Nullable String reason,
        @Nullable String code,
        Instant createdAt) {

    boolean isLot() {
        return points > 0;
    }

    boolean availableBy(Instant now) {
        return !availableAt.isAfter(now);
    }
}
