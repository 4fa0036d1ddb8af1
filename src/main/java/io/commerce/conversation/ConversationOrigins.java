package io.commerce.conversation;

import io.commerce.messaging.Origin;
import java.util.UUID;

/**
 * The origin of the messages the conversation module sends: {@code conversation/bot} for automatic answers
 * and {@code conversation/agent} for agents' replies, both pointing at their conversation.
 */
final class ConversationOrigins {

    static final String PREFIX = "conversation/";

    private ConversationOrigins() {}

    static Origin bot(UUID conversationId) {
        return new Origin(PREFIX + "bot", conversationId.toString());
    }

    static Origin agent(UUID conversationId) {
        return new Origin(PREFIX + "agent", conversationId.toString());
    }
}
