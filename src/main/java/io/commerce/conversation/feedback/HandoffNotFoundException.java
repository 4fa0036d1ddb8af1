package io.commerce.conversation.feedback;

import io.commerce.shared.CommerceException;

/** No handoff with this id. */
public class HandoffNotFoundException extends CommerceException {
    HandoffNotFoundException(String handoffId) {
        super(Kind.NOT_FOUND, "HANDOFF_NOT_FOUND", "handoff '%s' does not exist".formatted(handoffId));
    }
}
