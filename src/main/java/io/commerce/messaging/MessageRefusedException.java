package io.commerce.messaging;

import io.commerce.messaging.guardrails.PolicyGate;
import io.commerce.shared.CommerceException;

/**
 * The policy gate refuses the message: no consent ({@code CONSENT_REQUIRED}), WhatsApp free-form outside
 * the service window ({@code SERVICE_WINDOW_CLOSED}), marketing to a country Meta blocks ({@code
 * MARKETING_BLOCKED_IN_COUNTRY}), or content the channel cannot carry ({@code UNSUPPORTED_ON_CHANNEL}).
 */
public class MessageRefusedException extends CommerceException {
    MessageRefusedException(PolicyGate.Refusal refusal) {
        super(Kind.CONFLICT, refusal.code(), refusal.detail());
    }
}
