package io.commerce.catalog;

/** A back-in-stock subscription is {@code active} until its one alert has gone ({@code notified}). */
public enum SubscriptionStatus {
    ACTIVE,
    NOTIFIED
}
