package io.commerce.conversation;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A conversation was resolved, by the agent it was assigned to ({@code agentId}) or by the shop. */
public record ConversationResolved(
        String conversationId,
        @Nullable String customerId,
        @Nullable String agentId,
        Instant at) {}
