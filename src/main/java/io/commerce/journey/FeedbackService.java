package io.commerce.journey;

import io.commerce.shared.PageRequest;
import io.commerce.shared.Paged;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the shop's people see of delivery feedback: the handoffs waiting for an agent (and closing them)
 * and a summary of the ratings.
 */
@Service
class FeedbackService {

    private final Handoffs handoffs;
    private final Feedbacks feedbacks;
    private final Clock clock;

    FeedbackService(Handoffs handoffs, Feedbacks feedbacks, Clock clock) {
        this.handoffs = handoffs;
        this.feedbacks = feedbacks;
        this.clock = clock;
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
