package io.commerce.order;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The message an order is attributed to: its campaign or journey and step, and the touch that earned it ({@code
 * code}: the order redeemed a discount code the message carried; {@code click}: the customer clicked its link
 * within the click window; {@code view}: it was delivered or read within the view window) and when.
 */
public record OrderAttribution(
        String messageId,
        @Nullable String campaignId,
        @Nullable String journey,
        @Nullable String step,
        String touch,
        Instant at) {}
