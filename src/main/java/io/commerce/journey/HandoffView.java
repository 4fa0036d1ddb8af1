package io.commerce.journey;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A conversation flagged for a human agent after a low rating: who, which order, the rating and reason,
 * and where to read the conversation ({@code GET /api/v1/customers/{customerId}/conversation}).
 */
public record HandoffView(
        String handoffId,
        String customerId,
        String orderId,
        int rating,
        @Nullable FeedbackReason reason,
        HandoffStatus status,
        Instant createdAt,
        @Nullable Instant closedAt,
        String conversation) {}
