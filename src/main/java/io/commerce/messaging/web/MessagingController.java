package io.commerce.messaging.web;

import io.commerce.messaging.ConversationEntry;
import io.commerce.messaging.MessageStatus;
import io.commerce.messaging.MessageView;
import io.commerce.messaging.MessagingService;
import io.commerce.messaging.TemplateInfo;
import io.commerce.shared.PageRequest;
import io.commerce.shared.Paged;
import io.commerce.shared.ShopId;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MessagingController {

    private final MessagingService messaging;

    MessagingController(MessagingService messaging) {
        this.messaging = messaging;
    }

    @PostMapping("/api/v1/messages")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @ResponseStatus(HttpStatus.ACCEPTED)
    MessageView sendMessage(@Valid @RequestBody SendMessageRequest request) {
        return messaging.send(request.toCommand());
    }

    @GetMapping("/api/v1/messages/{messageId}")
    MessageView getMessage(@PathVariable @Size(max = 64) String messageId) {
        return messaging.get(messageId);
    }

    @GetMapping("/api/v1/messages")
    Paged<MessageView> listMessages(
            @RequestParam(required = false) @ShopId String customerId,
            @RequestParam(required = false) MessageStatus status,
            @Valid PageRequest page) {
        return messaging.list(customerId, status, page);
    }

    @GetMapping("/api/v1/templates")
    List<TemplateInfo> listTemplates() {
        return messaging.templates();
    }

    @GetMapping("/api/v1/customers/{customerId}/conversation")
    List<ConversationEntry> getConversation(@PathVariable @ShopId String customerId) {
        return messaging.conversation(customerId);
    }
}
