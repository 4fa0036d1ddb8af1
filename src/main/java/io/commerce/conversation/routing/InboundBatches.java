package io.commerce.conversation.routing;

import io.commerce.conversation.ReplyHandler;
import io.commerce.conversation.store.ConversationLines;
import io.commerce.customer.CustomerService;
import io.commerce.messaging.InboundMessageReceived;
import io.commerce.messaging.InboundView;
import io.commerce.messaging.MessagingService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Reads a webhook batch for routing, in one read-only transaction: see {@link InboundBatch}. */
@Component
class InboundBatches {

    private final ConversationLines lines;
    private final MessagingService messaging;
    private final CustomerService customers;
    private final List<ReplyHandler> handlers;
    private final TransactionTemplate reading;

    InboundBatches(
            ConversationLines lines,
            MessagingService messaging,
            CustomerService customers,
            List<ReplyHandler> handlers,
            PlatformTransactionManager transactions) {
        this.lines = lines;
        this.messaging = messaging;
        this.customers = customers;
        this.handlers = handlers;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
    }

    /** The batch as read; empty when every message of it was routed already. */
    Optional<InboundBatch> read(List<InboundMessageReceived> messages) {
        return Optional.ofNullable(reading.execute(status -> {
            var unrouted = lines.withoutLine(messages, InboundMessageReceived::inboundId);
            if (unrouted.isEmpty()) {
                return null;
            }
            var stored = messaging.inbound(
                    unrouted.stream().map(InboundMessageReceived::inboundId).toList());
            var customerIds = stored.values().stream()
                    .map(InboundView::customerId)
                    .filter(Objects::nonNull)
                    .collect(Collectors.toSet());
            var waiting =
                    new LinkedHashMap<ReplyHandler, Set<String>>(); // in the handlers' order: the first takes the reply
            handlers.forEach(handler -> waiting.put(handler, handler.mayBeWaitingFor(customerIds)));
            return new InboundBatch(unrouted, stored, customers.findAll(customerIds), waiting);
        }));
    }
}
