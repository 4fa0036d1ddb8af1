/**
 * Sends WhatsApp and SMS messages for the rest of the service and for the shop, tracks each to its final
 * status, and takes Meta's and Twilio's webhooks (statuses, inbound messages, opt-outs). Messages are rows
 * of an outbox claimed by a dispatcher; with no provider credentials the adapters talk to a built-in
 * sandbox. Publishes {@link io.commerce.messaging.MessageSent}, {@link io.commerce.messaging.MessageDelivered},
 * {@link io.commerce.messaging.MessageRead}, {@link io.commerce.messaging.MessageFailed}, and {@link
 * io.commerce.messaging.InboundMessageReceived}. The root holds the public face and the core; templates,
 * the outbox's write side and the guardrails are internal sub-packages ({@code templates}, {@code outbox},
 * {@code guardrails}).
 */
@ApplicationModule(allowedDependencies = {"shared", "customer", "consent"})
package io.commerce.messaging;

import org.springframework.modulith.ApplicationModule;
