package io.commerce.conversation;

import io.commerce.conversation.store.ConversationOrigins;
import io.commerce.messaging.Origin;
import java.util.Collection;
import java.util.Set;

/**
 * Something that may be waiting for a customer's reply (a journey step). The router offers every customer
 * message to the handlers first, before keywords, agents and automatic answers; the first that takes it
 * answers it and nobody else does. Handlers are offered it in their {@code @Order}: one that takes only its own
 * words or rows (loyalty's "points") goes before one that takes whatever a customer answers (a journey).
 */
public interface ReplyHandler {

    /**
     * The origin of the messages a handler sends in answer to a customer's words (not a journey's steps): the
     * conversation shows them as the bot's, and analytics counts them as the conversation's.
     */
    static Origin answering(String handler) {
        return new Origin(ConversationOrigins.PREFIX + handler, null);
    }

    /** Takes the reply when something waits for it; runs in the router's transaction. */
    boolean take(CustomerReply reply);

    /**
     * Of these customers, those something may be waiting for (asked once for a webhook batch's messages, so
     * that {@link #take} is offered only theirs); every one unless the handler knows better.
     */
    default Set<String> mayBeWaitingFor(Collection<String> customerIds) {
        return Set.copyOf(customerIds);
    }
}
