package io.commerce.conversation;

/**
 * Something that may be waiting for a customer's reply (a journey step). The router offers every customer
 * message to the handlers first, before keywords, agents and automatic answers; the first that takes it
 * answers it and nobody else does.
 */
public interface ReplyHandler {

    /** Takes the reply when something waits for it; runs in the router's transaction. */
    boolean take(CustomerReply reply);
}
