package io.commerce.conversation;

import io.commerce.shared.CommerceException;

/** No conversation with this id. */
public class ConversationNotFoundException extends CommerceException {
    ConversationNotFoundException(String conversationId) {
        super(Kind.NOT_FOUND, "CONVERSATION_NOT_FOUND", "conversation '%s' does not exist".formatted(conversationId));
    }
}
