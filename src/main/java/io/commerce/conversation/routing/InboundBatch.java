package io.commerce.conversation.routing;

import io.commerce.conversation.ReplyHandler;
import io.commerce.conversation.store.Conversations;
import io.commerce.customer.CustomerProfile;
import io.commerce.messaging.InboundMessageReceived;
import io.commerce.messaging.InboundView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What routing a webhook batch reads once, one query each ({@link InboundBatches}): the messages without a
 * conversation line yet (the others were routed before the event came again), those as stored (by inbound
 * id), the senders who are customers not erased (by customer id), and whom each reply
 * handler may be waiting for (in the handlers' order).
 */
record InboundBatch(
        List<InboundMessageReceived> unrouted,
        Map<Long, InboundView> stored,
        Map<String, CustomerProfile> customers,
        Map<ReplyHandler, Set<String>> waiting) {

    /** The messages to route: stored, from a number (not erased since, and a sender Meta named). */
    List<InboundMessageReceived> routable() {
        return unrouted.stream()
                .filter(message -> stored.containsKey(message.inboundId()))
                .filter(message -> stored.get(message.inboundId()).phone() != null)
                .toList();
    }

    InboundView inbound(InboundMessageReceived message) {
        return stored.get(message.inboundId());
    }

    /** The sender of the message when a customer not erased. */
    Optional<CustomerProfile> customer(InboundMessageReceived message) {
        var id = inbound(message).customerId();
        return id == null ? Optional.empty() : Optional.ofNullable(customers.get(id));
    }

    /** The message as the conversation it joins takes it: from whom, in which language they read, when. */
    Conversations.Wrote wrote(InboundMessageReceived message) {
        var inbound = inbound(message);
        return new Conversations.Wrote(
                inbound.channel(),
                inbound.phone(),
                inbound.customerId(),
                customer(message).map(CustomerProfile::language).orElse(null),
                inbound.receivedAt());
    }

    /** The senders of these messages who are customers not erased, by id. */
    Map<String, CustomerProfile> customers(List<InboundMessageReceived> messages) {
        var senders = new HashMap<String, CustomerProfile>();
        messages.forEach(message -> customer(message).ifPresent(c -> senders.put(c.customerId(), c)));
        return senders;
    }

    boolean mayBeWaiting(ReplyHandler handler, String customerId) {
        return waiting.get(handler).contains(customerId);
    }
}
