package io.commerce.messaging;

/**
 * A message's life: queued → sending → sent → delivered → read, or failed / cancelled. Statuses only move
 * forward by rank; failed and cancelled are final.
 */
public enum MessageStatus {
    QUEUED(0),
    SENDING(1),
    SENT(2),
    DELIVERED(3),
    READ(4),
    FAILED(9),
    CANCELLED(9);

    private final int rank;

    MessageStatus(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    public boolean isFinal() {
        return this == FAILED || this == CANCELLED;
    }
}
