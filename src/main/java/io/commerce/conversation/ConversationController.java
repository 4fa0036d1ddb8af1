package io.commerce.conversation;

import io.commerce.messaging.MessageView;
import io.commerce.shared.Channel;
import io.commerce.shared.PageRequest;
import io.commerce.shared.Paged;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/conversations")
class ConversationController {

    /** The agent a conversation goes to, or null: back to the queue. */
    record AssigneeChange(@Nullable @Size(min = 1, max = 64) String agentId) {}

    record Labels(
            @NotNull @Size(max = 20) List<@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9_-]{0,63}") String> labels) {}

    record NewNote(
            @NotBlank @Size(max = 64) String agentId,
            @NotBlank @Size(max = 4000) String text) {}

    private final ConversationService conversations;

    ConversationController(ConversationService conversations) {
        this.conversations = conversations;
    }

    /** Most recently active first. */
    @GetMapping
    Paged<ConversationSummary> listConversations(
            @RequestParam(required = false) ConversationStatus status,
            @Parameter(description = "an agent's id, or 'unassigned' for the agents' queue")
                    @RequestParam(required = false)
                    @Size(max = 64)
                    String assignee,
            @RequestParam(required = false) @Size(max = 64) String label,
            @RequestParam(required = false) Channel channel,
            @RequestParam(required = false) @Size(max = 128) String customerId,
            @Valid PageRequest page) {
        return conversations.list(new ConversationFilter(status, assignee, label, channel, customerId), page);
    }

    @GetMapping("/{conversationId}")
    ConversationView getConversation(@PathVariable @Size(max = 64) String conversationId) {
        return conversations.get(conversationId);
    }

    /** An agent's answer: text inside the service window, a template any time, or an uploaded file. */
    @PostMapping("/{conversationId}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    MessageView replyToConversation(
            @PathVariable @Size(max = 64) String conversationId, @Valid @RequestBody AgentReply reply) {
        return conversations.reply(conversationId, reply);
    }

    @PutMapping("/{conversationId}/assignee")
    ConversationSummary assignConversation(
            @PathVariable @Size(max = 64) String conversationId, @Valid @RequestBody AssigneeChange change) {
        return conversations.assign(conversationId, change.agentId());
    }

    @PutMapping("/{conversationId}/status")
    ConversationSummary changeConversationStatus(
            @PathVariable @Size(max = 64) String conversationId, @Valid @RequestBody StatusChange change) {
        return conversations.changeStatus(conversationId, change);
    }

    @PutMapping("/{conversationId}/labels")
    ConversationSummary labelConversation(
            @PathVariable @Size(max = 64) String conversationId, @Valid @RequestBody Labels labels) {
        return conversations.label(conversationId, labels.labels());
    }

    /** An internal note: agents see it, the customer never does. */
    @PostMapping("/{conversationId}/notes")
    @ResponseStatus(HttpStatus.CREATED)
    ConversationView.Note addConversationNote(
            @PathVariable @Size(max = 64) String conversationId, @Valid @RequestBody NewNote note) {
        return conversations.note(conversationId, note.agentId(), note.text());
    }
}
