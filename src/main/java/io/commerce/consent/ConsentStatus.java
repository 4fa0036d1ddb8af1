package io.commerce.consent;

/** Whether a customer allows messages on a channel for a purpose. */
public enum ConsentStatus {
    GRANTED,
    WITHDRAWN
}
