package io.commerce.conversation.feedback;

import io.commerce.conversation.FeedbackReason;
import io.commerce.shared.Channel;
import java.time.Instant;

/**
 * A customer's rating of a delivered order, as kept for analytics and shown in the GDPR export: the reason
 * they chose for a low rating, and their own words when none fitted.
 */
public record FeedbackView(
        String orderId,
        String customerId,
        int rating,
        FeedbackReason reason,
        String comment,
        Channel channel,
        Instant createdAt) {}
