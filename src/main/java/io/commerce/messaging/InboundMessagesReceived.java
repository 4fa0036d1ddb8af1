package io.commerce.messaging;

import java.util.List;

/**
 * Customers wrote to us: the messages one webhook batch stored, in the order they were taken, each as {@link
 * InboundMessageReceived}. One event for the batch, so that a listener handles them together (one event
 * publication and one transaction for the batch instead of one each).
 */
public record InboundMessagesReceived(List<InboundMessageReceived> messages) {}
