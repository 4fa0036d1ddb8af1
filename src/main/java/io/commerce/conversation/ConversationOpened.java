package io.commerce.conversation;

import io.commerce.shared.Channel;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A contact wrote and no conversation of theirs on the channel was unresolved: a new one began. */
public record ConversationOpened(
        String conversationId, @Nullable String customerId, Channel channel, Instant at) {}
