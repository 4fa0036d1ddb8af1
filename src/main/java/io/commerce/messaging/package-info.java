/**
 * Sends WhatsApp and SMS messages for the rest of the service and for the shop, tracks each to its final
 * status, and takes Meta's and Twilio's webhooks (statuses, inbound messages, opt-outs). Messages are rows
 * of an outbox claimed by a dispatcher; with no provider credentials the adapters talk to a built-in
 * sandbox. Publishes {@link io.commerce.messaging.MessageSent}, {@link io.commerce.messaging.MessageDelivered},
 * {@link io.commerce.messaging.MessageRead}, {@link io.commerce.messaging.MessageFailed}, and {@link
 * io.commerce.messaging.InboundMessagesReceived} (a webhook batch's customer messages). The root holds the public face (the service, its commands,
 * views, events and exceptions) and the settings; the rest are internal sub-packages:
 * {@code templates} (the catalogue), {@code outbox} (the {@code message} table: writes, reads, statuses),
 * {@code guardrails} (policy, service window, quiet hours, content limits), {@code dispatch} (the
 * dispatcher and the sender), {@code links} (tracked links: a message's links replaced as it goes out) and {@code intake} (the providers' webhooks: statuses, inbound messages,
 * opt-outs; and the GDPR hook over both directions' messages), {@code web} (the REST controller).
 */
@ApplicationModule(allowedDependencies = {"shared", "customer", "consent"})
package io.commerce.messaging;

import org.springframework.modulith.ApplicationModule;
