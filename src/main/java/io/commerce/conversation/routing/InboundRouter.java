package io.commerce.conversation.routing;

import io.commerce.conversation.Author;
import io.commerce.conversation.ConversationOpened;
import io.commerce.conversation.CustomerReply;
import io.commerce.conversation.media.ConversationFiles;
import io.commerce.conversation.store.ConversationLines;
import io.commerce.conversation.store.Conversations;
import io.commerce.customer.CustomerProfile;
import io.commerce.messaging.InboundMessageReceived;
import io.commerce.messaging.InboundMessagesReceived;
import io.commerce.messaging.InboundView;
import io.commerce.messaging.MessagingService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every message a customer sends joins their open conversation on that channel, or opens one (unknown
 * numbers too), and is answered by the first of: a journey waiting for this very reply; the opt-out and
 * opt-in keywords (messaging already acted on them); the agent the conversation is assigned to, or the
 * agents' queue it waits in (the bot stays silent then, but for the away message outside business hours);
 * the automatic answers; otherwise the agents' queue. A lone rating after a resolved conversation asked for
 * one is kept on that conversation instead. Runs after the webhook's transaction committed, from its
 * durable event (one for a webhook batch's messages), so nothing the customer sent is lost if this fails: the
 * event is delivered again.
 */
@Component
class InboundRouter {

    private final InboundBatches batches;
    private final MessagingService messaging;
    private final Conversations conversations;
    private final ConversationLines lines;
    private final Satisfaction satisfaction;
    private final AutomaticAnswers answers;
    private final ApplicationEventPublisher events;
    private final ConversationFiles files;
    private final Assignment assignment;
    private final TransactionTemplate transaction;

    InboundRouter(
            InboundBatches batches,
            MessagingService messaging,
            Conversations conversations,
            ConversationLines lines,
            Satisfaction satisfaction,
            AutomaticAnswers answers,
            ApplicationEventPublisher events,
            ConversationFiles files,
            Assignment assignment,
            TransactionTemplate transaction) {
        this.batches = batches;
        this.messaging = messaging;
        this.conversations = conversations;
        this.lines = lines;
        this.satisfaction = satisfaction;
        this.answers = answers;
        this.events = events;
        this.files = files;
        this.assignment = assignment;
        this.transaction = transaction;
    }

    /**
     * Routes a webhook batch's messages in one transaction, giving the conversations now waiting for a person
     * to agents who fit at its end, among the agents nobody else is assigning to (it never waits for an agent's
     * row, so concurrent batches cannot deadlock on them); those left are given after the commit, each in a
     * short transaction of its own. When the batch fails, each message is routed again in its own transaction,
     * so that one that cannot be routed holds back only itself; its failure is thrown at the end, so the event
     * stays incomplete and is delivered again, and then, as after a crash, messages that already have their
     * conversation line are passed over: none is answered twice.
     */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(InboundMessagesReceived received) {
        var read = batches.read(received.messages());
        if (read.isEmpty()) {
            return;
        }
        var batch = read.get();
        var routable = batch.routable();
        var left = new LinkedHashSet<UUID>();
        try {
            route(routable, batch, left);
        } catch (RuntimeException batchFailed) {
            left.clear();
            RuntimeException failed = null;
            for (var message : routable) {
                try {
                    route(List.of(message), batch, left);
                } catch (RuntimeException e) {
                    if (failed == null) {
                        failed = e;
                    } else {
                        failed.addSuppressed(e);
                    }
                }
            }
            if (failed != null) {
                assignment.assignWaiting(left);
                throw failed;
            }
        }
        assignment.assignWaiting(left);
    }

    /**
     * Routes these messages in one transaction, their conversations joined in one statement, their answers
     * queued, their lines and the conversations waiting for a person from now on written together, and
     * assigns agents who are free at the end; adds to {@code left} the conversations still waiting for an agent
     * with room who was being assigned elsewhere at that instant.
     */
    private void route(List<InboundMessageReceived> messages, InboundBatch batch, Set<UUID> left) {
        var routed = new ArrayList<UUID>();
        var unplaced = new ArrayList<UUID>();
        // the senders who are customers, as read for the batch, and their service windows serve the answers
        var senders = batch.customers(messages);
        transaction.executeWithoutResult(status -> messaging.queueTogether(
                senders,
                () -> lines.together(() -> conversations.together(() -> {
                    var joined = joinAll(messages, batch);
                    messages.forEach(message -> route(message, batch, joined).ifPresent(routed::add));
                    unplaced.addAll(assignment.assignFree(routed));
                }))));
        left.addAll(unplaced);
    }

    /**
     * The conversations the messages join, in one statement: for each contact's first message (a later one
     * must see what the first changed, so it joins again); a message that reads as a rating may belong to a
     * resolved conversation instead, and joins only if it does not.
     */
    private Map<Conversations.Contact, Conversations.Joined> joinAll(
            List<InboundMessageReceived> messages, InboundBatch batch) {
        return new HashMap<>(conversations.customersWrote(messages.stream()
                .filter(message -> !Satisfaction.looksLikeRating(batch.inbound(message)))
                .map(batch::wrote)
                .toList()));
    }

    /** @return the conversation the message joined; empty for a late rating */
    private Optional<UUID> route(
            InboundMessageReceived received,
            InboundBatch batch,
            Map<Conversations.Contact, Conversations.Joined> joined) {
        var inbound = batch.inbound(received);
        // the customer, when known and not erased
        var customerId = batch.customer(received).map(CustomerProfile::customerId);
        var rated = satisfaction.take(inbound.channel(), inbound.phone(), inbound.replyPayload(), inbound.text());
        if (rated.isPresent()) {
            lines.add(rated.get().id(), line(rated.get().id(), inbound, received));
            satisfaction.thank(rated.get());
            return Optional.empty();
        }
        var wrote = batch.wrote(received);
        var join = Optional.ofNullable(joined.remove(wrote.contact()))
                .orElseGet(() -> conversations.customersWrote(List.of(wrote)).get(wrote.contact()));
        var conversation = join.conversation();
        if (join.opened()) {
            events.publishEvent(new ConversationOpened(
                    conversation.id().toString(), inbound.customerId(), inbound.channel(), inbound.receivedAt()));
        }
        lines.add(conversation.id(), line(conversation.id(), inbound, received));
        // a keyword answers nothing of ours unless it was tapped or replied to one of our messages
        var keywordAlone = received.keyword() && inbound.repliedTo() == null && inbound.replyPayload() == null;
        if (customerId.isPresent() && !keywordAlone && journeyTakes(inbound, batch)) {
            return Optional.of(conversation.id());
        }
        if (!received.keyword()) {
            answers.answer(conversation, inbound, received, customerId);
        }
        return Optional.of(conversation.id());
    }

    private boolean journeyTakes(InboundView inbound, InboundBatch batch) {
        var reply = new CustomerReply(
                inbound.customerId(),
                inbound.repliedTo(),
                inbound.channel(),
                inbound.replyPayload(),
                inbound.text(),
                inbound.receivedAt());
        return batch.waiting().keySet().stream()
                .filter(handler -> batch.mayBeWaiting(handler, inbound.customerId()))
                .anyMatch(handler -> handler.take(reply));
    }

    /** The customer's line; a file they sent is recorded to download later, the line names our media id. */
    private ConversationLines.Line line(UUID conversationId, InboundView inbound, InboundMessageReceived received) {
        var mediaId = received.mediaId() == null
                ? null
                : files.received(
                        conversationId,
                        inbound.customerId(),
                        inbound.channel(),
                        inbound.inboundId(),
                        received.mediaId(),
                        received.mimeType(),
                        received.filename());
        return new ConversationLines.Line(
                ConversationLines.Direction.INBOUND,
                Author.CUSTOMER,
                null,
                inbound.inboundId(),
                null,
                inbound.type(),
                inbound.text(),
                mediaId,
                inbound.receivedAt());
    }
}
