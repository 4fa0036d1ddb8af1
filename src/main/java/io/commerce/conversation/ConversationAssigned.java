package io.commerce.conversation;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A conversation was given to an agent, or back to the queue ({@code agentId} null). */
public record ConversationAssigned(
        String conversationId, @Nullable String agentId, Instant at) {}
