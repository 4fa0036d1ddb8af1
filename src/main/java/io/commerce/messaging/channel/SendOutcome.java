package io.commerce.messaging.channel;

/** The provider's answer to one send, already classified. */
public sealed interface SendOutcome {

    /** Accepted; delivery is reported later by webhooks. */
    record Accepted(String providerMessageId) implements SendOutcome {}

    /** Refused or unreachable; {@code kind} says what to do about it. */
    record Failed(String code, String title, FailureKind kind) implements SendOutcome {}
}
