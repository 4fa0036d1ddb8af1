package io.commerce.messaging.intake;

import io.commerce.customer.PersonalDataHolder;
import io.commerce.messaging.links.TrackedLinks;
import io.commerce.messaging.outbox.Cancellations;
import io.commerce.messaging.outbox.MessageReads;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Messages in the GDPR export; on erasure queued messages are cancelled and the numbers and words of every
 * message, ours and theirs, are blanked (the rows stay, anonymous, for delivery statistics).
 */
@Component
class MessagingPersonalData implements PersonalDataHolder {

    private final MessageReads reads;
    private final Cancellations cancellations;
    private final InboundLog inbound;
    private final TrackedLinks links;
    private final Clock clock;

    MessagingPersonalData(
            MessageReads reads, Cancellations cancellations, InboundLog inbound, TrackedLinks links, Clock clock) {
        this.reads = reads;
        this.links = links;
        this.cancellations = cancellations;
        this.inbound = inbound;
        this.clock = clock;
    }

    @Override
    public String section() {
        return "messages";
    }

    @Override
    public Object export(String customerId) {
        return Map.of(
                "sent",
                        reads.byCustomer(customerId).stream()
                                .map(row -> Map.of(
                                        "messageId", row.id().toString(),
                                        "channel", row.channel(),
                                        "status", row.status(),
                                        "createdAt", row.createdAt(),
                                        "text", row.smsText() == null ? "" : row.smsText()))
                                .toList(),
                "received", inbound.export(customerId));
    }

    @Override
    public void erase(String customerId) {
        cancellations.cancelQueued(customerId, null, null, "CUSTOMER_ERASED", clock.instant());
        cancellations.anonymise(customerId);
        links.erase(customerId);
        inbound.erase(customerId);
    }
}
