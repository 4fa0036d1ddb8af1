package io.commerce.shared;

/** Why a message is sent; consent is given per channel and purpose. */
public enum Purpose {
    /** Promotions, campaigns, reminders the customer did not ask for. */
    MARKETING,
    /** Messages about something the customer did: orders, shipping, an alert they asked for. */
    TRANSACTIONAL
}
