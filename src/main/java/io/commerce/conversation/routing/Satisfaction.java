package io.commerce.conversation.routing;

import io.commerce.conversation.Author;
import io.commerce.conversation.ConversationRated;
import io.commerce.conversation.levels.ServiceLevels;
import io.commerce.conversation.store.ConversationRow;
import io.commerce.conversation.store.Conversations;
import io.commerce.messaging.InboundView;
import io.commerce.messaging.MessageRefusedException;
import io.commerce.messaging.MessagingService;
import io.commerce.messaging.OutboundContent;
import io.commerce.shared.Channel;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Customer satisfaction: on resolution the customer is asked to rate the conversation 1 to 5 (a list to tap
 * inside the service window, or a number to text back on SMS; the approved template {@code csat_request}
 * outside it). The answer, a tapped row or (by SMS) a lone digit within a week, is kept on the resolved conversation
 * (it does not open a new one), counted for the agent who had it, and published as {@link ConversationRated}.
 */
@Component
public class Satisfaction {

    private static final Logger log = LoggerFactory.getLogger(Satisfaction.class);
    private static final String ROW = "CSAT_";
    private static final Pattern DIGIT = Pattern.compile("\\s*([1-5])\\s*[.!]?\\s*");
    private static final Duration ANSWER_WITHIN = Duration.ofDays(7);

    private final Conversations conversations;
    private final ConversationSender sender;
    private final MessagingService messaging;
    private final ServiceLevels levels;
    private final BotTexts texts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Satisfaction(
            Conversations conversations,
            ConversationSender sender,
            MessagingService messaging,
            ServiceLevels levels,
            BotTexts texts,
            ApplicationEventPublisher events,
            Clock clock) {
        this.conversations = conversations;
        this.sender = sender;
        this.messaging = messaging;
        this.levels = levels;
        this.texts = texts;
        this.events = events;
        this.clock = clock;
    }

    /** Asks the customer of a conversation just resolved for a rating; nothing when the rules forbid it. */
    public void ask(ConversationRow conversation) {
        if (conversation.customerId() == null) {
            return;
        }
        var language = BotTexts.locale(conversation.language());
        var windowOpen = messaging
                .serviceWindowClosesAt(conversation.channel(), conversation.phone())
                .isPresent();
        var question = texts.say("answers.csat.question", language);
        OutboundContent content;
        if (!windowOpen) {
            content = new OutboundContent.Template("csat_request", Map.of());
        } else if (conversation.channel() == Channel.SMS) {
            content = new OutboundContent.Text(question + " " + texts.say("answers.csat.sms-hint", language), false);
        } else {
            var rows = IntStream.rangeClosed(1, 5)
                    .map(n -> 6 - n)
                    .mapToObj(n -> new OutboundContent.Row(ROW + n, texts.say("answers.csat.row." + n, language), null))
                    .toList();
            content = new OutboundContent.ListMenu(
                    null,
                    question,
                    null,
                    texts.say("answers.csat.button", language),
                    List.of(new OutboundContent.Section(texts.say("answers.csat.section", language), rows)));
        }
        try {
            sender.send(conversation, Author.BOT, null, content, question, null);
            conversations
                    .update(conversation.id(), "csat_requested_at = :now")
                    .with("now", clock.instant())
                    .run();
        } catch (MessageRefusedException refused) {
            log.info("no rating asked for conversation {}: {}", conversation.id(), refused.code());
        }
    }

    /**
     * Keeps the answer when the message is one: a rating row tapped, or a lone digit from a contact asked
     * within the week; returns the conversation rated.
     */
    Optional<ConversationRow> take(Channel channel, String phone, @Nullable String payload, @Nullable String text) {
        var rating = rating(channel, payload, text);
        if (rating.isEmpty()) {
            return Optional.empty();
        }
        var now = clock.instant();
        return conversations
                .lastResolved(channel, phone)
                .filter(conversation -> conversation.csatRequestedAt() != null
                        && conversation.csatRating() == null
                        && conversation.csatRequestedAt().plus(ANSWER_WITHIN).isAfter(now))
                .map(conversation -> {
                    conversations
                            .update(conversation.id(), "csat_rating = :rating, csat_rated_at = :now")
                            .with("rating", rating.get())
                            .with("now", now)
                            .run();
                    var agent = conversation.assignee();
                    levels.rated(agent, rating.get());
                    events.publishEvent(new ConversationRated(
                            conversation.id().toString(), conversation.customerId(), agent, rating.get(), now));
                    return conversation;
                });
    }

    /** Whether the message reads as a rating: only such a message may belong to a resolved conversation. */
    static boolean looksLikeRating(InboundView inbound) {
        return rating(inbound.channel(), inbound.replyPayload(), inbound.text()).isPresent();
    }

    /** Thanks the customer for a rating, in their language. */
    void thank(ConversationRow conversation) {
        try {
            var thanks = texts.say("answers.csat.thanks", BotTexts.locale(conversation.language()));
            sender.send(conversation, Author.BOT, null, new OutboundContent.Text(thanks, false), thanks, null);
        } catch (MessageRefusedException refused) {
            log.info("no thanks for a rating of conversation {}: {}", conversation.id(), refused.code());
        }
    }

    /**
     * A tapped rating row (or the template's quick reply, registered with payloads {@code CSAT_1} … {@code
     * CSAT_5}); a lone digit only by SMS, which has nothing to tap: on WhatsApp a typed number may answer a
     * journey's own question (a delivery rating), which comes first.
     */
    private static Optional<Integer> rating(Channel channel, @Nullable String payload, @Nullable String text) {
        if (payload != null && payload.startsWith(ROW)) {
            return parse(payload.substring(ROW.length()));
        }
        if (channel == Channel.SMS && payload == null && text != null) {
            var digit = DIGIT.matcher(text);
            return digit.matches() ? parse(digit.group(1)) : Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<Integer> parse(String digit) {
        try {
            var rating = Integer.parseInt(digit.strip());
            return rating >= 1 && rating <= 5 ? Optional.of(rating) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
