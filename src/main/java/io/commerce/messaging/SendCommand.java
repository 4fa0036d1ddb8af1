package io.commerce.messaging;

import io.commerce.shared.Channel;
import io.commerce.shared.Purpose;

/**
 * A request to message a customer: for what purpose, on which channel ({@code null}: the service picks
 * WhatsApp, else SMS, whichever the rules allow), what to say, optionally the provider id of the inbound
 * message this answers, and where it comes from ({@code null} for the messages API).
 */
public record SendCommand(
        String customerId, Purpose purpose, Channel channel, OutboundContent content, String replyTo, Origin origin) {

    public SendCommand(String customerId, Purpose purpose, Channel channel, OutboundContent content, String replyTo) {
        this(customerId, purpose, channel, content, replyTo, null);
    }
}
