package io.commerce.messaging;

/** Meta's pricing category of a message: template categories, or service for free-form replies. */
public enum MessageCategory {
    MARKETING,
    UTILITY,
    SERVICE
}
