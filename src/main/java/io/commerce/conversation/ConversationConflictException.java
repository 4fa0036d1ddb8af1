package io.commerce.conversation;

import io.commerce.shared.CommerceException;

/** The conversation cannot do this in its state (e.g. reopen while the contact has another open one). */
public class ConversationConflictException extends CommerceException {
    public ConversationConflictException(String code, String detail) {
        super(Kind.CONFLICT, code, detail);
    }
}
