package io.commerce.messaging.channel;

import io.commerce.shared.Channel;
import java.time.Instant;

/**
 * A message a customer sent, as an adapter read it from its provider's webhook, reduced to what the core
 * uses. {@code phone} is E.164 (null when the provider withheld it); {@code text} is the text, caption or
 * button title; {@code payload} is the raw provider payload, kept as JSON. For media, {@code mediaId} is
 * Meta's media id or Twilio's {@code MediaUrl0}, with its {@code mimeType}, {@code filename} (documents)
 * and {@code sha256} when the provider gives them; all null for other messages.
 */
public record InboundMessage(
        Channel channel,
        String providerMessageId,
        String phone,
        String type,
        String text,
        String replyPayload,
        String contextMessageId,
        String payload,
        Instant receivedAt,
        String mediaId,
        String mimeType,
        String filename,
        String sha256) {}
