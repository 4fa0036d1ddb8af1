package io.commerce.conversation.desk;

import io.commerce.conversation.Author;
import io.commerce.conversation.ConversationView;
import io.commerce.conversation.FeedbackReason;
import io.commerce.conversation.media.ConversationFiles;
import io.commerce.conversation.store.ConversationLines;
import io.commerce.conversation.store.ConversationOrigins;
import io.commerce.conversation.store.ConversationRow;
import io.commerce.messaging.ConversationEntry;
import io.commerce.messaging.MessagingService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Shows a conversation: the lines the module wrote (the customer's messages, the bot's and agents' answers)
 * and, read from messaging, whatever journeys, campaigns and the messages API sent the customer on that
 * channel meanwhile, each with its delivery status.
 */
@Component
public class ConversationReader {

    private static final String OUTBOUND = "outbound";
    private static final Instant OPEN_END = Instant.parse("9999-12-31T00:00:00Z");

    private final ConversationLines lines;
    private final MessagingService messaging;
    private final ConversationFiles files;

    ConversationReader(ConversationLines lines, MessagingService messaging, ConversationFiles files) {
        this.lines = lines;
        this.messaging = messaging;
        this.files = files;
    }

    public ConversationView view(ConversationRow row) {
        var written = lines.of(row.id());
        var sent = new HashMap<String, ConversationEntry>();
        if (row.customerId() != null) {
            // to its resolution, and past it as far as the module's own answers go (the rating asked, the thanks)
            var until = row.resolvedAt() == null
                    ? OPEN_END
                    : written.stream()
                            .map(ConversationLines.Line::at)
                            .reduce(row.resolvedAt(), (latest, at) -> at.isAfter(latest) ? at : latest)
                            .plusNanos(1000);
            messaging
                    .sentBetween(row.customerId(), row.channel(), row.openedAt(), until)
                    .forEach(entry -> sent.put(entry.messageId(), entry));
        }
        var messages = new ArrayList<ConversationView.Message>();
        var shown = new HashSet<String>();
        for (var line : written) {
            if (line.direction() == ConversationLines.Direction.INBOUND) {
                messages.add(new ConversationView.Message(
                        "in-" + line.inboundId(),
                        "inbound",
                        Author.CUSTOMER,
                        null,
                        line.type(),
                        line.text(),
                        media(line),
                        line.at(),
                        null));
            } else {
                var id = line.messageId().toString();
                shown.add(id);
                var entry = sent.get(id);
                messages.add(new ConversationView.Message(
                        id,
                        OUTBOUND,
                        line.author(),
                        line.agentId(),
                        line.type(),
                        line.text(),
                        media(line),
                        line.at(),
                        entry == null ? null : entry.status()));
            }
        }
        sent.values().stream()
                .filter(entry -> !shown.contains(entry.messageId()))
                .forEach(entry -> messages.add(new ConversationView.Message(
                        entry.messageId(),
                        OUTBOUND,
                        author(entry.origin()),
                        null,
                        entry.type(),
                        entry.text(),
                        null,
                        entry.at(),
                        entry.status())));
        messages.sort(Comparator.comparing(ConversationView.Message::at));
        return new ConversationView(
                row.id().toString(),
                row.customerId(),
                row.phone(),
                row.channel(),
                row.status(),
                row.snoozedUntil(),
                row.assignee(),
                row.labels(),
                messaging.serviceWindowClosesAt(row.channel(), row.phone()).orElse(null),
                row.openedAt(),
                row.lastMessageAt(),
                row.waitingSince(),
                row.firstResponseAt(),
                row.resolvedAt(),
                row.orderId() == null
                        ? null
                        : new ConversationView.HandedOffOrder(
                                row.orderId(),
                                row.orderRating(),
                                row.orderReason() == null ? null : FeedbackReason.valueOf(row.orderReason())),
                row.csatRating(),
                List.copyOf(messages),
                lines.notes(row.id()));
    }

    private ConversationView.Media media(ConversationLines.Line line) {
        if (line.mediaId() == null) {
            return null;
        }
        var file = files.describe(line.mediaId());
        return new ConversationView.Media(
                line.mediaId(),
                file.map(ConversationFiles.FileInfo::mimeType).orElse(null),
                file.map(ConversationFiles.FileInfo::size).orElse(null),
                line.text());
    }

    /** Who sent a message of ours, from its origin: a campaign, a journey step, or none (the messages API). */
    static Author author(String origin) {
        if (origin == null) {
            return Author.API;
        }
        if (origin.equals("campaign")) {
            return Author.CAMPAIGN;
        }
        return origin.startsWith(ConversationOrigins.PREFIX) ? Author.BOT : Author.JOURNEY;
    }
}
