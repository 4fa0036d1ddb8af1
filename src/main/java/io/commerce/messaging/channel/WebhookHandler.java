package io.commerce.messaging.channel;

import io.commerce.shared.Channel;

/**
 * How a channel adapter hands the core what a verified webhook said. {@link #take} stores the raw delivery
 * and runs {@code processing} (which calls the other methods) in one transaction, returning once both are
 * durable; the other methods are meant to be called only from within such processing.
 */
public interface WebhookHandler {

    /** Keeps {@code body} as received from {@code provider} and runs {@code processing}; returns once committed. */
    void take(String provider, byte[] body, Runnable processing);

    /** A status of one of our messages. */
    void status(StatusReport report);

    /** A message a customer sent. */
    void message(InboundMessage message);

    /** The customer stopped ({@code stop}) or resumed marketing on the channel in the provider's own app. */
    void preference(Channel channel, String phone, boolean stop, String detail);

    /** A delivery whose signature did not match was refused (counted: a wrong secret refuses them all). */
    void rejected(String provider);

    /** An error the provider reported for the account or number as a whole, not for one message. */
    void accountError(String provider, String code);
}
