package io.commerce.console.inbox;

import io.commerce.conversation.ConversationView;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** A line of a conversation as the console shows it: a message either way, or an agents' note, in time order. */
record Line(Instant at, ConversationView.@Nullable Message message, ConversationView.@Nullable Note note) {

    static List<Line> of(ConversationView conversation) {
        return Stream.concat(
                        conversation.messages().stream().map(m -> new Line(m.at(), m, null)),
                        conversation.notes().stream().map(n -> new Line(n.at(), null, n)))
                .sorted(Comparator.comparing(Line::at))
                .toList();
    }

    public boolean image() {
        return message != null
                && message.media() != null
                && message.media().mimeType() != null
                && message.media().mimeType().startsWith("image/");
    }
}
