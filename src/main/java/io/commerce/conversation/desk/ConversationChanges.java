package io.commerce.conversation.desk;

import io.commerce.conversation.ConversationConflictException;
import io.commerce.conversation.ConversationResolved;
import io.commerce.conversation.ConversationStatus;
import io.commerce.conversation.ConversationView;
import io.commerce.conversation.StatusChange;
import io.commerce.conversation.agents.AgentDirectory;
import io.commerce.conversation.feedback.FeedbackService;
import io.commerce.conversation.levels.ServiceLevels;
import io.commerce.conversation.routing.Assignment;
import io.commerce.conversation.routing.Satisfaction;
import io.commerce.conversation.store.ConversationLines;
import io.commerce.conversation.store.ConversationRow;
import io.commerce.conversation.store.Conversations;
import io.commerce.shared.InvalidValueException;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What the shop's people do to a conversation: assign it, change its status, label it, note on it. Resolving
 * keeps the resolution time, closes its handoffs, asks the customer for a rating, and publishes {@link
 * ConversationResolved}.
 */
@Component
public class ConversationChanges {

    private final Conversations conversations;
    private final ConversationLines lines;
    private final AgentDirectory agents;
    private final Assignment assignment;
    private final ServiceLevels levels;
    private final Satisfaction satisfaction;
    private final FeedbackService feedback;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ConversationChanges(
            Conversations conversations,
            ConversationLines lines,
            AgentDirectory agents,
            Assignment assignment,
            ServiceLevels levels,
            Satisfaction satisfaction,
            FeedbackService feedback,
            ApplicationEventPublisher events,
            Clock clock) {
        this.conversations = conversations;
        this.lines = lines;
        this.agents = agents;
        this.assignment = assignment;
        this.levels = levels;
        this.satisfaction = satisfaction;
        this.feedback = feedback;
        this.events = events;
        this.clock = clock;
    }

    public void assign(ConversationRow conversation, @Nullable String agentId) {
        if (agentId != null) {
            agents.requireExisting(agentId);
        }
        assignment.assign(conversation, agentId);
    }

    public void status(ConversationRow conversation, StatusChange change) {
        var now = clock.instant();
        if (change.status() == ConversationStatus.SNOOZED
                && !change.snoozedUntil().isAfter(now)) {
            throw new InvalidValueException("snoozedUntil", "must be in the future");
        }
        if (change.status() == conversation.status() && change.status() != ConversationStatus.SNOOZED) {
            return;
        }
        if (conversation.status() == ConversationStatus.RESOLVED) {
            reopen(conversation, change);
            return;
        }
        conversations
                .update(conversation.id(), """
                        status = :status, snoozed_until = :until,
                        resolved_at = case when :status = 'RESOLVED' then cast(:now as timestamptz) end""")
                .with("status", change.status().name())
                .with("until", change.snoozedUntil())
                .with("now", now)
                .run();
        if (change.status() == ConversationStatus.RESOLVED) {
            resolved(conversation);
        }
    }

    private void reopen(ConversationRow conversation, StatusChange change) {
        try {
            conversations
                    .update(conversation.id(), """
                            status = :status, snoozed_until = :until, resolved_at = null, resolution_seconds = null,
                            resolved_by = null""")
                    .with("status", change.status().name())
                    .with("until", change.snoozedUntil())
                    .run();
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw new ConversationConflictException(
                    "CONVERSATION_ALREADY_OPEN",
                    "the contact has another unresolved conversation on this channel: continue that one");
        }
    }

    private void resolved(ConversationRow conversation) {
        levels.resolved(conversation.id(), conversation.openedAt(), conversation.assignee());
        feedback.conversationResolved(conversation.id());
        satisfaction.ask(conversation);
        events.publishEvent(new ConversationResolved(
                conversation.id().toString(), conversation.customerId(), conversation.assignee(), clock.instant()));
    }

    public void labels(ConversationRow conversation, List<String> labels) {
        conversations
                .update(conversation.id(), "labels = :labels")
                .with("labels", labels.stream().distinct().sorted().toArray(String[]::new))
                .run();
    }

    public ConversationView.Note note(ConversationRow conversation, String agentId, String text) {
        agents.requireExisting(agentId);
        var now = clock.instant();
        lines.note(conversation.id(), agentId, text, now);
        return new ConversationView.Note(agentId, text, now);
    }
}
