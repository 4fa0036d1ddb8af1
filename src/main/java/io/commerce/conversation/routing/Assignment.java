package io.commerce.conversation.routing;

import io.commerce.conversation.ConversationAssigned;
import io.commerce.conversation.agents.AgentDirectory;
import io.commerce.conversation.store.ConversationRow;
import io.commerce.conversation.store.Conversations;
import java.time.Clock;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The agents' queue: a conversation that needs a person is marked as waiting and given to an available
 * agent who speaks the customer's language, least loaded first and within capacity; when nobody fits it
 * stays unassigned, in the queue, for the next agent who picks it.
 */
@Component
public class Assignment {

    private final Conversations conversations;
    private final AgentDirectory agents;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Assignment(Conversations conversations, AgentDirectory agents, ApplicationEventPublisher events, Clock clock) {
        this.conversations = conversations;
        this.agents = agents;
        this.events = events;
        this.clock = clock;
    }

    /** The conversation (locked by the caller) waits for a person now; returns the agent who took it. */
    public Optional<String> enqueue(ConversationRow conversation) {
        var now = clock.instant();
        if (conversation.queuedAt() == null || conversation.waitingSince() == null) {
            conversations
                    .update(conversation.id(), "queued_at = :now")
                    .with("now", now)
                    .run();
        }
        if (conversation.assignee() != null) {
            return Optional.of(conversation.assignee());
        }
        var agent = agents.choose(conversation.language());
        agent.ifPresent(id -> assign(conversation, id));
        return agent;
    }

    /** Gives the conversation to an agent, or back to the queue ({@code null}). */
    public void assign(ConversationRow conversation, @Nullable String agentId) {
        if (java.util.Objects.equals(conversation.assignee(), agentId)) {
            return;
        }
        var now = clock.instant();
        conversations
                .update(conversation.id(), "assignee = :agent, queued_at = coalesce(queued_at, :now)")
                .with("agent", agentId)
                .with("now", now)
                .run();
        events.publishEvent(new ConversationAssigned(conversation.id().toString(), agentId, now));
    }
}
