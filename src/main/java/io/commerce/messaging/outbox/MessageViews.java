package io.commerce.messaging.outbox;

import io.commerce.messaging.MessageStatus;
import io.commerce.messaging.MessageView;
import io.commerce.shared.PageRequest;
import io.commerce.shared.Paged;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Messages as the API shows them: the stored row with every status it reached. */
@Component
public class MessageViews {

    private final MessageReads reads;
    private final StatusLedger ledger;

    MessageViews(MessageReads reads, StatusLedger ledger) {
        this.reads = reads;
        this.ledger = ledger;
    }

    /** The message with this id; empty when there is none, or when the id is not one of ours at all. */
    public Optional<MessageView> find(String messageId) {
        try {
            return reads.find(UUID.fromString(messageId)).map(this::view);
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    /** A page of messages, newest first, of one customer and/or status when given. */
    public Paged<MessageView> list(String customerId, MessageStatus status, PageRequest page) {
        var rows = reads.list(customerId, status, page.offset(), page.size());
        return new Paged<>(
                rows.stream().map(this::view).toList(), page.page(), page.size(), reads.count(customerId, status));
    }

    private MessageView view(MessageRow row) {
        return row.view(ledger.history(row.id()).stream()
                .map(change -> new MessageView.StatusEntry(change.status(), change.at()))
                .toList());
    }
}
