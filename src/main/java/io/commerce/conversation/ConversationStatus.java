package io.commerce.conversation;

/**
 * Where a conversation stands: {@code open} (someone should act), {@code pending} (waiting on the customer),
 * {@code snoozed} until a time (it opens again then, or when the customer writes), {@code resolved} (done;
 * the customer's next message opens a new conversation).
 */
public enum ConversationStatus {
    OPEN,
    PENDING,
    SNOOZED,
    RESOLVED
}
