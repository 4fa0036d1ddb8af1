package io.commerce.conversation.feedback;

import io.commerce.shared.PageRequest;
import io.commerce.shared.Paged;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class FeedbackController {

    private final FeedbackService feedback;

    FeedbackController(FeedbackService feedback) {
        this.feedback = feedback;
    }

    /** Conversations flagged for an agent, newest first; {@code status=open|closed} to filter. */
    @GetMapping("/api/v1/handoffs")
    Paged<HandoffView> listHandoffs(@RequestParam(required = false) HandoffStatus status, @Valid PageRequest page) {
        return feedback.handoffs(status, page);
    }

    @PostMapping("/api/v1/handoffs/{handoffId}/closure")
    HandoffView closeHandoff(@PathVariable @Size(max = 64) String handoffId) {
        return feedback.close(handoffId);
    }

    /** Ratings between {@code from} (inclusive) and {@code to} (exclusive), both optional ISO-8601 instants. */
    @GetMapping("/api/v1/feedback/summary")
    FeedbackSummary getFeedbackSummary(
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to) {
        return feedback.summary(from, to);
    }
}
