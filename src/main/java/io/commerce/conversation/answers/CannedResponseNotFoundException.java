package io.commerce.conversation.answers;

import io.commerce.shared.CommerceException;

/** No canned response with this key. */
public class CannedResponseNotFoundException extends CommerceException {

    CannedResponseNotFoundException(String key) {
        super(Kind.NOT_FOUND, "CANNED_RESPONSE_NOT_FOUND", "canned response '%s' does not exist".formatted(key));
    }
}
