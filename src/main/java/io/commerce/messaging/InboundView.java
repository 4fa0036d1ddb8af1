package io.commerce.messaging;

import io.commerce.shared.Channel;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One message a customer sent, as stored: who sent it ({@code phone}, and the customer when the number is
 * known), what it is, the button or row it answers ({@code replyPayload}), and our message it replies to.
 */
public record InboundView(
        long inboundId,
        Channel channel,
        String providerMessageId,
        @Nullable String phone,
        @Nullable String customerId,
        String type,
        @Nullable String text,
        @Nullable String replyPayload,
        @Nullable String repliedTo,
        Instant receivedAt) {}
