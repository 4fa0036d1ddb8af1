package io.commerce.conversation.agents;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An agent with how many unresolved conversations they hold now. */
public record AgentView(
        String agentId,
        String name,
        @Nullable String email,
        List<String> languages,
        int maxOpenConversations,
        boolean available,
        long openConversations,
        Instant createdAt,
        Instant updatedAt) {}
