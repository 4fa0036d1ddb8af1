package io.commerce.messaging.channel;

/** What a provider failure means for the message, decided by the provider's error code, not HTTP status. */
public enum FailureKind {
    /** Transient (throttling, outage, no connection): retry with exponential backoff and jitter. */
    RETRY,
    /**
     * The request may have reached the provider, but no answer came (a read timeout, a reset): not sent again;
     * the message stays {@code sending} until a status webhook settles it or the sending timeout re-queues it.
     */
    UNKNOWN_OUTCOME,
    /** Too many messages to this one recipient (131056): retry after 4^n seconds. */
    PAIR_RATE_LIMIT,
    /** Meta's per-user marketing limit (131049): retrying sooner than 24 h only fails again. */
    RETRY_AFTER_24H,
    /** The number cannot receive on this channel (131026): fall back to SMS when allowed. */
    UNDELIVERABLE,
    /** The customer stopped marketing messages (131050, Twilio 21610): withdraw marketing consent. */
    OPTED_OUT,
    /** Our credentials are wrong or expired (0, 190): final, and operators must act. */
    CREDENTIALS,
    /** Anything else: the request itself is wrong; retrying repeats the error. */
    FINAL
}
