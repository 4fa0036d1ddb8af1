package io.commerce.messaging.channel;

import io.commerce.messaging.MessageStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * A status of one of our messages as a provider's webhook reports it, already mapped to our statuses:
 * found by the provider's id or by our own {@code ourId} when the callback carries it; a failure comes
 * with the provider's code and title, classified as {@code failureKind}.
 */
public record StatusReport(
        String providerMessageId,
        UUID ourId,
        MessageStatus status,
        Instant at,
        String errorCode,
        String errorTitle,
        FailureKind failureKind,
        String pricingCategory) {}
