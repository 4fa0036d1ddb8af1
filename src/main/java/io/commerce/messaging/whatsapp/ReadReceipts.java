package io.commerce.messaging.whatsapp;

import io.commerce.messaging.InboundMessagesReceived;
import io.commerce.shared.Channel;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Blue ticks: once a customer's WhatsApp message is stored and handled (keywords, replies to journeys), it is
 * marked as read at Meta, after the webhook was answered and outside its transaction. Best effort: a failed
 * call is logged, the message stays unread in the customer's app. Off with {@code
 * commerce.messaging.whatsapp.mark-inbound-read=false}: then this listener is not there at all, and no event
 * publication is stored for it per inbound message.
 */
@Component
@ConditionalOnBooleanProperty(name = "commerce.messaging.whatsapp.mark-inbound-read", matchIfMissing = true)
class ReadReceipts {

    /** Calls to Meta at once for one batch: a batch's receipts take about one call's time, not one per message. */
    private static final int AT_ONCE = 8;

    private final WhatsAppGateway whatsapp;

    ReadReceipts(WhatsAppGateway whatsapp) {
        this.whatsapp = whatsapp;
    }

    /**
     * Outside any transaction (a call to Meta must not hold one of the pool's database connections), a few calls
     * at a time on virtual threads: the listener thread, which the conversation router shares, is held for
     * about one call's time per batch rather than one per message.
     */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(InboundMessagesReceived received) {
        var slots = new Semaphore(AT_ONCE);
        try (var calls = Executors.newVirtualThreadPerTaskExecutor()) {
            received.messages().stream()
                    .filter(message -> message.channel() == Channel.WHATSAPP && message.providerMessageId() != null)
                    .forEach(message -> calls.submit(() -> {
                        slots.acquireUninterruptibly();
                        try {
                            whatsapp.markAsRead(message.providerMessageId()); // logs its own failure
                        } finally {
                            slots.release();
                        }
                    }));
        }
    }
}
