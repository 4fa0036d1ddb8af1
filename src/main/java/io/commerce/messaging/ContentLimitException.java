package io.commerce.messaging;

import io.commerce.shared.InvalidValueException;

/** The content breaks one of Meta's (configurable) limits: caught before sending, never left to Meta. */
public class ContentLimitException extends InvalidValueException {
    public ContentLimitException(String field, String message) {
        super(field, "CONTENT_LIMIT_EXCEEDED", message);
    }
}
