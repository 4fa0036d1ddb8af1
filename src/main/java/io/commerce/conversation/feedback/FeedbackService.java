package io.commerce.conversation.feedback;

import io.commerce.conversation.FeedbackReason;
import io.commerce.shared.Channel;
import io.commerce.shared.PageRequest;
import io.commerce.shared.Paged;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivery feedback within the conversation module: the ratings of delivered orders and their reasons, the
 * handoffs a low rating leads to (each tied to the conversation waiting in the agents' queue), and what the
 * shop's people see of them (the handoffs, closing one, a summary of the ratings).
 */
@Service
public class FeedbackService {

    private final Handoffs handoffs;
    private final Feedbacks feedbacks;
    private final Clock clock;

    FeedbackService(Handoffs handoffs, Feedbacks feedbacks, Clock clock) {
        this.handoffs = handoffs;
        this.feedbacks = feedbacks;
        this.clock = clock;
    }

    /** Keeps the rating of a delivered order (once per order). */
    public void rate(String orderId, String customerId, int rating, Channel channel) {
        feedbacks.rate(orderId, customerId, rating, channel, clock.instant());
    }

    /** Why the order was rated low: a reason chosen, or the customer's own words. */
    public void explain(String orderId, FeedbackReason reason, String comment) {
        feedbacks.explain(orderId, reason, comment, clock.instant());
    }

    /** Records a handoff of a rated order to the conversation now waiting for an agent. */
    public void handOff(String customerId, String orderId, int rating, FeedbackReason reason, UUID conversationId) {
        handoffs.open(customerId, orderId, rating, reason, conversationId, clock.instant());
    }

    /** The conversation was resolved: its handoffs are done. */
    public void conversationResolved(UUID conversationId) {
        handoffs.closeByConversation(conversationId, clock.instant());
    }

    @Transactional(readOnly = true)
    public Paged<HandoffView> handoffs(HandoffStatus status, PageRequest page) {
        return new Paged<>(
                handoffs.list(status, page.offset(), page.size()), page.page(), page.size(), handoffs.count(status));
    }

    /** Closes an open handoff: 404 when unknown, 409 when already closed. */
    @Transactional
    public HandoffView close(String handoffId) {
        var id = parse(handoffId);
        return handoffs.close(id, clock.instant())
                .orElseThrow(() -> handoffs.find(id)
                        .<RuntimeException>map(closed -> new HandoffAlreadyClosedException(handoffId))
                        .orElseGet(() -> new HandoffNotFoundException(handoffId)));
    }

    @Transactional(readOnly = true)
    public FeedbackSummary summary(Instant from, Instant to) {
        return feedbacks.summary(from, to);
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new HandoffNotFoundException(id);
        }
    }
}
