package io.commerce.conversation.feedback;

import io.commerce.conversation.FeedbackReason;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A conversation flagged for a human agent after a low rating: who, which order, the rating and reason,
 * where to read everything said ({@code GET /api/v1/customers/{customerId}/conversation}), and the
 * conversation waiting in the agents' queue ({@code GET /api/v1/conversations/{conversationId}}).
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
        String conversation,
        @Nullable String conversationId) {}
