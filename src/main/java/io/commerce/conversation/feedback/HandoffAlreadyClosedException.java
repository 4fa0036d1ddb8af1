package io.commerce.conversation.feedback;

import io.commerce.shared.CommerceException;

/** A closed handoff stays closed: closing it again is a conflict, so two agents notice each other. */
public class HandoffAlreadyClosedException extends CommerceException {
    HandoffAlreadyClosedException(String handoffId) {
        super(Kind.CONFLICT, "HANDOFF_ALREADY_CLOSED", "handoff '%s' is already closed".formatted(handoffId));
    }
}
