package io.commerce.conversation;

/**
 * Why a customer rated a delivery 1 to 3: the three choices offered, or {@code OTHER} when they answered in
 * their own words (kept as the feedback's comment).
 */
public enum FeedbackReason {
    SHIPPING,
    QUALITY,
    SERVICE,
    OTHER;

    /** The id of this choice's list row (and what the customer's tap sends back). */
    public String rowId() {
        return "REASON_" + name();
    }
}
