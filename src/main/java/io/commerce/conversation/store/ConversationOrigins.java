package io.commerce.conversation.store;

import io.commerce.messaging.Origin;
import java.util.UUID;

/**
 * The origin of the messages the conversation module sends: {@code conversation/bot} for automatic answers
 * and {@code conversation/agent} for agents' replies, both pointing at their conversation.
 */
public final class ConversationOrigins {

    public static final String PREFIX = "conversation/";

    private ConversationOrigins() {}

    public static Origin bot(UUID conversationId) {
        return new Origin(PREFIX + "bot", conversationId.toString());
    }

    public static Origin agent(UUID conversationId) {
        return new Origin(PREFIX + "agent", conversationId.toString());
    }
}
