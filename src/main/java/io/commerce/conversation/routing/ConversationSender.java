package io.commerce.conversation.routing;

import io.commerce.conversation.Author;
import io.commerce.conversation.store.ConversationLines;
import io.commerce.conversation.store.ConversationOrigins;
import io.commerce.conversation.store.ConversationRow;
import io.commerce.messaging.MessageView;
import io.commerce.messaging.MessagingService;
import io.commerce.messaging.OutboundContent;
import io.commerce.messaging.SendCommand;
import io.commerce.shared.Channel;
import io.commerce.shared.Purpose;
import java.time.Clock;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Sends an answer into a conversation, on its channel, as a service message through messaging's outbox (so
 * consent, the service window and every other rule apply), and writes it down as a line of the
 * conversation with who wrote it.
 */
@Component
public class ConversationSender {

    private final MessagingService messaging;
    private final ConversationLines lines;
    private final Clock clock;

    ConversationSender(MessagingService messaging, ConversationLines lines, Clock clock) {
        this.messaging = messaging;
        this.lines = lines;
        this.clock = clock;
    }

    /**
     * @param text what the line shows (the words, a caption, a template's key)
     * @throws io.commerce.messaging.MessageRefusedException when the rules forbid the message
     */
    public MessageView send(
            ConversationRow conversation,
            Author author,
            @Nullable String agentId,
            OutboundContent content,
            @Nullable String text,
            @Nullable String mediaId) {
        var origin = author == Author.AGENT
                ? ConversationOrigins.agent(conversation.id())
                : ConversationOrigins.bot(conversation.id());
        if (conversation.channel() == Channel.SMS && content instanceof OutboundContent.ListMenu list) {
            content = asText(list); // SMS has no lists: the choices are written out
        }
        var sent = messaging.send(new SendCommand(
                conversation.customerId(), Purpose.TRANSACTIONAL, conversation.channel(), content, null, origin));
        lines.add(
                conversation.id(),
                new ConversationLines.Line(
                        ConversationLines.Direction.OUTBOUND,
                        author,
                        agentId,
                        null,
                        UUID.fromString(sent.messageId()),
                        type(content),
                        text,
                        mediaId,
                        clock.instant()));
        return sent;
    }

    private static OutboundContent.Text asText(OutboundContent.ListMenu list) {
        var words = new StringBuilder(list.body());
        list.sections().stream()
                .flatMap(section -> section.rows().stream())
                .forEach(row -> words.append("\n- ").append(row.title()));
        return new OutboundContent.Text(words.toString(), false);
    }

    private static String type(OutboundContent content) {
        return switch (content) {
            case OutboundContent.Template template -> "template";
            case OutboundContent.Text text -> "text";
            case OutboundContent.ListMenu list -> "list";
            case OutboundContent.Buttons buttons -> "button";
            case OutboundContent.Media media -> media.type().name().toLowerCase(java.util.Locale.ROOT);
            default -> content.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
