package io.commerce.conversation.routing;

import io.commerce.conversation.ReplyHandler;
import io.commerce.messaging.InboundMessageReceived;
import io.commerce.messaging.InboundView;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What routing a webhook batch reads once, one query each ({@link InboundBatches}): the messages without a
 * conversation line yet (the others were routed before the event came again), those as stored (by inbound
 * id), the languages of the senders who are customers not erased (by customer id), and whom each reply
 * handler may be waiting for (in the handlers' order).
 */
record InboundBatch(
        List<InboundMessageReceived> unrouted,
        Map<Long, InboundView> stored,
        Map<String, String> languages,
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

    /** The senders of these messages who are customers not erased. */
    Set<String> customers(List<InboundMessageReceived> messages) {
        return messages.stream()
                .map(message -> inbound(message).customerId())
                .filter(Objects::nonNull)
                .filter(languages::containsKey)
                .collect(Collectors.toSet());
    }

    boolean mayBeWaiting(ReplyHandler handler, String customerId) {
        return waiting.get(handler).contains(customerId);
    }
}
