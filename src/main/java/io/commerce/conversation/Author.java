package io.commerce.conversation;

/**
 * Who wrote a line of a conversation: the customer, the service's automatic answers, an agent, a journey, a
 * campaign, or the shop's backend through the messages API.
 */
public enum Author {
    CUSTOMER,
    BOT,
    AGENT,
    JOURNEY,
    CAMPAIGN,
    API
}
