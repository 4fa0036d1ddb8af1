package io.commerce.conversation;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The customer rated a resolved conversation 1 to 5 (customer satisfaction), kept for the agent who had it. */
public record ConversationRated(
        String conversationId,
        @Nullable String customerId,
        @Nullable String agentId,
        int rating,
        Instant at) {}
