package io.commerce.conversation;

import io.commerce.conversation.answers.CannedResponses;
import io.commerce.conversation.desk.AgentReplies;
import io.commerce.conversation.desk.ConversationChanges;
import io.commerce.conversation.desk.ConversationReader;
import io.commerce.conversation.feedback.FeedbackService;
import io.commerce.conversation.levels.ServiceLevels;
import io.commerce.conversation.routing.Assignment;
import io.commerce.conversation.store.ConversationRow;
import io.commerce.conversation.store.ConversationSearch;
import io.commerce.conversation.store.Conversations;
import io.commerce.customer.CustomerService;
import io.commerce.messaging.MessageView;
import io.commerce.shared.Channel;
import io.commerce.shared.PageRequest;
import io.commerce.shared.Paged;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The conversation module's public face: conversations (list, read, answer, assign, status, labels, notes),
 * and the delivery feedback journeys hand over (ratings, reasons, handoffs to a person).
 */
@Service
public class ConversationService {

    private final Conversations conversations;
    private final ConversationSearch search;
    private final ConversationReader reader;
    private final ConversationChanges changes;
    private final AgentReplies replies;
    private final Assignment assignment;
    private final FeedbackService feedback;
    private final ServiceLevels serviceLevels;
    private final CustomerService customers;
    private final CannedResponses canned;
    private final Clock clock;

    ConversationService(
            Conversations conversations,
            ConversationSearch search,
            ConversationReader reader,
            ConversationChanges changes,
            AgentReplies replies,
            Assignment assignment,
            FeedbackService feedback,
            ServiceLevels serviceLevels,
            CustomerService customers,
            CannedResponses canned,
            Clock clock) {
        this.conversations = conversations;
        this.search = search;
        this.reader = reader;
        this.changes = changes;
        this.replies = replies;
        this.assignment = assignment;
        this.feedback = feedback;
        this.serviceLevels = serviceLevels;
        this.customers = customers;
        this.canned = canned;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Paged<ConversationSummary> list(ConversationFilter filter, PageRequest page) {
        return page(filter, page, search.count(filter));
    }

    /**
     * Like {@link #list}, its {@code totalItems} counted up to {@code countUpTo} at most (then it reads that
     * number): for pages that show "10,000+" rather than count a million rows on every refresh.
     */
    @Transactional(readOnly = true)
    public Paged<ConversationSummary> list(ConversationFilter filter, PageRequest page, long countUpTo) {
        return page(filter, page, search.countUpTo(filter, countUpTo));
    }

    private Paged<ConversationSummary> page(ConversationFilter filter, PageRequest page, long total) {
        var rows = search.list(filter, page.offset(), page.size());
        return new Paged<>(rows.stream().map(ConversationSummary::of).toList(), page.page(), page.size(), total);
    }

    @Transactional(readOnly = true)
    public ConversationView get(String conversationId) {
        return reader.view(find(conversationId));
    }

    /** An agent's answer, queued for sending; 409 {@code SERVICE_WINDOW_CLOSED} for free-form outside the window. */
    @Transactional
    public MessageView reply(String conversationId, AgentReply reply) {
        var sent = replies.reply(lock(conversationId), reply);
        seen(conversationId);
        return sent;
    }

    /** An agent opened the conversation: what the customer wrote is no longer unread. */
    @Transactional
    public void seen(String conversationId) {
        conversations.seen(parse(conversationId)); // every refresh of an open conversation asks: no write when none
    }

    @Transactional
    public ConversationSummary assign(String conversationId, @Nullable String agentId) {
        changes.assign(lock(conversationId), agentId);
        return summary(conversationId);
    }

    @Transactional
    public ConversationSummary changeStatus(String conversationId, StatusChange change) {
        changes.status(lock(conversationId), change);
        return summary(conversationId);
    }

    @Transactional
    public ConversationSummary label(String conversationId, List<String> labels) {
        changes.labels(lock(conversationId), labels);
        return summary(conversationId);
    }

    @Transactional
    public ConversationView.Note note(String conversationId, String agentId, String text) {
        return changes.note(lock(conversationId), agentId, text);
    }

    /** The canned responses an agent may send, by key, each in the language (placeholders filled when sent). */
    public Map<String, String> cannedResponses(Locale language) {
        return canned.previews(language);
    }

    /** The ratings of orders delivered and of conversations resolved from {@code from} to {@code to}. */
    @Transactional(readOnly = true)
    public Ratings ratings(Instant from, Instant to) {
        var orders = feedback.summary(from, to);
        var conversations = serviceLevels.report(from, to).overall();
        return new Ratings(
                Ratings.Distribution.of(
                        orders.count(),
                        orders.average() == null ? null : orders.average().doubleValue(),
                        orders.distribution()),
                Ratings.Distribution.of(
                        conversations.ratings(), conversations.averageRating(), conversations.ratingDistribution()));
    }

    /** Keeps the rating of a delivered order (once per order). */
    @Transactional
    public void rateOrder(String orderId, String customerId, int rating, Channel channel) {
        feedback.rate(orderId, customerId, rating, channel);
    }

    /** Why the customer rated the order low: a reason chosen, or their own words ({@code OTHER}). */
    @Transactional
    public void explainRating(String orderId, FeedbackReason reason, @Nullable String comment) {
        feedback.explain(orderId, reason, comment);
    }

    /**
     * A customer who rated an order low asked for a person: their conversation on the channel (opened if
     * need be) waits in the agents' queue with the order, rating and reason attached.
     */
    @Transactional
    public String handOff(String customerId, Channel channel, String orderId, int rating, FeedbackReason reason) {
        var customer = customers.get(customerId);
        var conversation = conversations
                .join(channel, customer.phone(), customerId, customer.language(), clock.instant())
                .conversation();
        conversations
                .update(conversation.id(), "order_id = :order, order_rating = :rating, order_reason = :reason")
                .with("order", orderId)
                .with("rating", rating)
                .with("reason", reason.name())
                .run();
        feedback.handOff(customerId, orderId, rating, reason, conversation.id());
        assignment.enqueue(conversation); // the journey tells the customer a person will answer
        return conversation.id().toString();
    }

    private ConversationSummary summary(String conversationId) {
        return ConversationSummary.of(find(conversationId));
    }

    private ConversationRow find(String conversationId) {
        return conversations
                .find(parse(conversationId))
                .orElseThrow(() -> new ConversationNotFoundException(conversationId));
    }

    private ConversationRow lock(String conversationId) {
        return conversations
                .lock(parse(conversationId))
                .orElseThrow(() -> new ConversationNotFoundException(conversationId));
    }

    private static UUID parse(String conversationId) {
        try {
            return UUID.fromString(conversationId);
        } catch (IllegalArgumentException e) {
            throw new ConversationNotFoundException(conversationId);
        }
    }
}
