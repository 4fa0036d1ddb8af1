package io.commerce.console.inbox;

import io.commerce.conversation.ConversationSummary;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A line of the inbox list: the conversation, whom it is with, and how long the customer has waited. */
record InboxRow(
        ConversationSummary conversation,
        String contact,
        @Nullable Duration waiting,
        String link) {

    static InboxRow of(ConversationSummary summary, @Nullable String name, Instant now, String link) {
        var waiting = summary.waitingSince() == null ? null : Duration.between(summary.waitingSince(), now);
        return new InboxRow(summary, name == null ? summary.phone() : name, waiting, link);
    }
}
