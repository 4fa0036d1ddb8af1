/**
 * Customer service: what customers say and how the shop answers. Every inbound message joins its contact's
 * open conversation on that channel (or opens one); the router decides who answers (a journey waiting for
 * the reply, opt-out keywords, the assigned agent, automatic answers, else the agents' queue). The root holds the
 * module's API ({@link io.commerce.conversation.ConversationService}, its events, views and exceptions).
 * Sub-packages: {@code store} (the conversation tables), {@code routing} (the inbound router, the bot, the
 * handover, the agents' queue, the sending of answers), {@code desk} (what agents do to a conversation and how
 * it reads), {@code agents}, {@code hours} (business hours, business-time clocks), {@code answers} (FAQ,
 * intents, canned responses), {@code levels} (service levels), {@code media} (files customers and agents
 * exchange), {@code feedback} (delivery ratings and handoffs).
 */
@ApplicationModule(allowedDependencies = {"shared", "customer", "consent", "order", "messaging", "messaging :: media"})
package io.commerce.conversation;

import org.springframework.modulith.ApplicationModule;
