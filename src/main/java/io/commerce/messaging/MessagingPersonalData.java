package io.commerce.messaging;

import io.commerce.customer.PersonalDataHolder;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Messages in the GDPR export; on erasure queued messages are cancelled and the numbers and words of every
 * message, ours and theirs, are blanked (the rows stay, anonymous, for delivery statistics).
 */
@Component
class MessagingPersonalData implements PersonalDataHolder {

    private final Outbox outbox;
    private final InboundLog inbound;
    private final Clock clock;

    MessagingPersonalData(Outbox outbox, InboundLog inbound, Clock clock) {
        this.outbox = outbox;
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
                        outbox.byCustomer(customerId).stream()
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
        outbox.cancelQueued(customerId, null, null, "CUSTOMER_ERASED", clock.instant());
        outbox.anonymise(customerId);
        inbound.erase(customerId);
    }
}
