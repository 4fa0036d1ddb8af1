package io.commerce.shared;

/** A way to reach a customer; lower-case in JSON and paths ({@code whatsapp}, {@code sms}). */
public enum Channel {
    WHATSAPP,
    SMS
}
