package io.commerce.messaging;

import io.commerce.shared.CommerceException;

/** No message with this id. */
public class MessageNotFoundException extends CommerceException {
    MessageNotFoundException(String id) {
        super(Kind.NOT_FOUND, "MESSAGE_NOT_FOUND", "message '%s' does not exist".formatted(id));
    }
}
