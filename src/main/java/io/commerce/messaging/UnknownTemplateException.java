package io.commerce.messaging;

import io.commerce.shared.CommerceException;

/** No template with this key in the catalogue. */
public class UnknownTemplateException extends CommerceException {
    public UnknownTemplateException(String key) {
        super(Kind.UNPROCESSABLE, "UNKNOWN_TEMPLATE", "template '%s' is not in the catalogue".formatted(key));
    }
}
