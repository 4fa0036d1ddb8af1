package io.commerce.messaging.channel;

import io.commerce.messaging.OutboundContent;
import io.commerce.messaging.templates.RenderedTemplate;
import java.util.UUID;

/**
 * What a channel adapter needs to send one message: our id (it travels with the message so that status
 * callbacks can find it even before we stored the provider's id), the E.164 recipient, the content, the
 * rendered template when the content is one, the SMS text, and the provider id of the message it answers.
 */
public record OutgoingMessage(
        UUID id, String to, OutboundContent content, RenderedTemplate template, String smsText, String replyTo) {}
