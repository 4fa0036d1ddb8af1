package io.commerce.conversation;

import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ServiceLevelController {

    private final ConversationService conversations;

    ServiceLevelController(ConversationService conversations) {
        this.conversations = conversations;
    }

    /**
     * First response and resolution times (business hours only) and ratings, overall and per agent, of the
     * conversations opened between {@code from} (default: 30 days ago) and {@code to} (default: now).
     */
    @GetMapping("/api/v1/service-levels")
    ServiceLevelReport getServiceLevels(
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to) {
        return conversations.serviceLevels(from, to);
    }
}
