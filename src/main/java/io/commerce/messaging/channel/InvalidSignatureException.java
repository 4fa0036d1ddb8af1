package io.commerce.messaging.channel;

import io.commerce.shared.CommerceException;

/** A webhook whose signature is missing or wrong: answered 401, nothing processed. */
public class InvalidSignatureException extends CommerceException {
    public InvalidSignatureException(String header) {
        super(Kind.UNAUTHENTICATED, "INVALID_SIGNATURE", "the %s header is missing or wrong".formatted(header));
    }
}
