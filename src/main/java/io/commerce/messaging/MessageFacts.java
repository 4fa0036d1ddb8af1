package io.commerce.messaging;

import io.commerce.shared.Channel;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What measuring a message needs to know about it: where it came from (and its A/B variant), what Meta charges it as (our
 * category, and the one Meta reported in its status webhooks when it did), the recipient's number (its
 * market), the SMS text (its segments), and whether the customer had written on the channel in the 24 hours
 * before it was sent (Meta's customer service window, in which utility templates are free).
 */
public record MessageFacts(
        String messageId,
        String customerId,
        Channel channel,
        MessageCategory category,
        @Nullable String reportedCategory,
        @Nullable Origin origin,
        @Nullable String templateKey,
        @Nullable String variant,
        @Nullable String recipient,
        @Nullable String smsText,
        boolean inServiceWindow,
        Instant sentAt) {}
