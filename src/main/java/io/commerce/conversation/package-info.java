/**
 * Customer service: what customers say and how the shop answers. Every inbound message joins its contact's
 * open conversation on that channel (or opens one); the router decides who answers (a journey waiting for
 * the reply, opt-out keywords, the assigned agent, automatic answers, else the agents' queue). Sub-packages:
 * {@code hours} (business hours, business-time clocks), {@code answers} (FAQ, intents, canned responses),
 * {@code media} (files customers and agents exchange).
 */
@ApplicationModule(allowedDependencies = {"shared", "customer", "consent", "order", "messaging", "messaging :: media"})
package io.commerce.conversation;

import org.springframework.modulith.ApplicationModule;
