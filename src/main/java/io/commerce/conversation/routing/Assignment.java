package io.commerce.conversation.routing;

import io.commerce.conversation.ConversationAssigned;
import io.commerce.conversation.agents.AgentDirectory;
import io.commerce.conversation.store.ConversationRow;
import io.commerce.conversation.store.Conversations;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The agents' queue: a conversation that needs a person is marked as waiting and given to an available
 * agent who speaks the customer's language, least loaded first and within capacity; when nobody fits it
 * stays unassigned, in the queue, for the next agent who picks it.
 */
@Component
public class Assignment {

    private static final Logger log = LoggerFactory.getLogger(Assignment.class);

    private final Conversations conversations;
    private final AgentDirectory agents;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Assignment(
            Conversations conversations,
            AgentDirectory agents,
            ApplicationEventPublisher events,
            TransactionTemplate transaction,
            Clock clock) {
        this.conversations = conversations;
        this.agents = agents;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * The conversation (locked by the caller) waits for a person now, and an agent who fits takes it at once,
     * locked until the caller's transaction ends; returns who took it.
     */
    public Optional<String> enqueue(ConversationRow conversation) {
        queue(conversation);
        if (conversation.assignee() != null) {
            return Optional.of(conversation.assignee());
        }
        var agent = agents.choose(conversation.language());
        agent.ifPresent(id -> assign(conversation, id));
        return agent;
    }

    /**
     * The conversation (locked by the caller) waits for a person now; who takes it is chosen by {@link
     * #assignWaiting} once the caller committed, so that a transaction routing many messages locks no agent.
     */
    public void queue(ConversationRow conversation) {
        if (conversation.queuedAt() == null || conversation.waitingSince() == null) {
            conversations.markQueued(conversation.id(), clock.instant());
        }
    }

    /**
     * In the caller's transaction, at its end: gives each of these conversations waiting unassigned to an agent
     * who fits among those nobody else is assigning to (never waiting for a lock, so that transactions routing
     * many messages cannot deadlock on agents).
     *
     * @return the conversations left waiting although some agent who fits had room: every such agent was being
     *     given another conversation at that instant; for {@link #assignWaiting} after the commit
     */
    public List<UUID> assignFree(Collection<UUID> conversationIds) {
        var left = new ArrayList<UUID>();
        worthChoosingFor(conversationIds)
                .forEach(conversation -> agents.chooseFree(conversation.language())
                        .ifPresentOrElse(agent -> assign(conversation, agent), () -> left.add(conversation.id())));
        return left;
    }

    /**
     * Gives each of these conversations still waiting unassigned to an agent who fits, each in its own short
     * transaction (an agent's row is locked only while one conversation is given to them); those nobody fits
     * stay in the queue, as do those whose assignment failed (logged: the queue is where they would wait
     * anyway, and an agent picks them there).
     */
    public void assignWaiting(Collection<UUID> conversationIds) {
        for (var candidate : worthChoosingFor(conversationIds)) {
            try {
                transaction.executeWithoutResult(status -> conversations
                        .lock(candidate.id())
                        .filter(locked -> locked.assignee() == null && locked.waitingSince() != null)
                        .ifPresent(locked -> agents.choose(locked.language()).ifPresent(id -> assign(locked, id))));
            } catch (RuntimeException e) {
                log.warn("conversation {} stays in the agents' queue: {}", candidate.id(), e.toString());
            }
        }
    }

    /** Of these conversations, those waiting unassigned in a language some agent with room speaks (unlocked). */
    private List<ConversationRow> worthChoosingFor(Collection<UUID> conversationIds) {
        var waiting = conversations.waitingUnassigned(conversationIds);
        if (waiting.isEmpty()) {
            return waiting;
        }
        var room = agents.room();
        return waiting.stream()
                .filter(conversation -> room.fits(conversation.language()))
                .toList();
    }

    /** Gives the conversation to an agent, or back to the queue ({@code null}). */
    public void assign(ConversationRow conversation, @Nullable String agentId) {
        if (Objects.equals(conversation.assignee(), agentId)) {
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
