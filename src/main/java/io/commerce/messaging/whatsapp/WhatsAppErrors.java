package io.commerce.messaging.whatsapp;

import io.commerce.messaging.channel.FailureKind;
import java.util.Set;

/**
 * Classifies Cloud API errors by Meta's {@code code} (never by HTTP status, which Meta says not to rely on;
 * see shared/reference/whatsapp-cloud-api.md §2).
 */
public final class WhatsAppErrors {

    private static final Set<Integer> RETRYABLE = Set.of(1, 2, 4, 80007, 130429, 131000, 131016, 131057, 133004);

    private WhatsAppErrors() {}

    public static FailureKind classify(int code) {
        if (RETRYABLE.contains(code)) {
            return FailureKind.RETRY;
        }
        return switch (code) {
            case 131056 -> FailureKind.PAIR_RATE_LIMIT;
            case 131049 -> FailureKind.RETRY_AFTER_24H;
            case 131026 -> FailureKind.UNDELIVERABLE;
            case 131050 -> FailureKind.OPTED_OUT;
            case 0, 190 -> FailureKind.CREDENTIALS;
            default -> FailureKind.FINAL;
        };
    }
}
