package io.commerce.loyalty;

/** What a backfill credited: orders newly in the ledger and their points. */
public record BackfillResult(int orders, long points) {}
