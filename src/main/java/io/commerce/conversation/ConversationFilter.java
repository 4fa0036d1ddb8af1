package io.commerce.conversation;

import io.commerce.shared.Channel;
import org.jspecify.annotations.Nullable;

/**
 * Which conversations a list shows; null means any. {@code assignee} is an agent's id, or {@code unassigned}
 * for the agents' queue; {@code customerId} narrows to one customer's conversations.
 */
public record ConversationFilter(
        @Nullable ConversationStatus status,
        @Nullable String assignee,
        @Nullable String label,
        @Nullable Channel channel,
        @Nullable String customerId) {

    public static final String UNASSIGNED = "unassigned";
}
