package io.commerce.messaging;

import io.commerce.shared.Channel;
import io.commerce.shared.Purpose;

/**
 * A request to message a customer: for what purpose, on which channel ({@code null}: the service picks
 * WhatsApp, else SMS, whichever the rules allow), what to say, and optionally the provider id of the
 * inbound message this answers.
 */
public record SendCommand(
        String customerId, Purpose purpose, Channel channel, OutboundContent content, String replyTo) {}
