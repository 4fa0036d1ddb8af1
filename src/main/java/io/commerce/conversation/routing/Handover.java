package io.commerce.conversation.routing;

import io.commerce.conversation.Author;
import io.commerce.conversation.hours.AwayMessages;
import io.commerce.conversation.hours.BusinessHours;
import io.commerce.conversation.levels.WaitEstimate;
import io.commerce.conversation.store.ConversationRow;
import io.commerce.conversation.store.Conversations;
import io.commerce.messaging.MessageRefusedException;
import io.commerce.messaging.OutboundContent;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Hands a conversation to people: it waits in the agents' queue (and is given to an agent who fits when the
 * routing's transaction ends: {@link Assignment#assignFree}), and the customer hears so: within business hours
 * an acknowledgement stating the expected wait; outside them the away message naming the next opening, once per
 * conversation and closed period, whoever has the conversation.
 */
@Component
class Handover {

    private static final Logger log = LoggerFactory.getLogger(Handover.class);

    private final Assignment assignment;
    private final Conversations conversations;
    private final ConversationSender sender;
    private final BusinessHours hours;
    private final AwayMessages away;
    private final WaitEstimate wait;
    private final BotTexts texts;
    private final Clock clock;

    Handover(
            Assignment assignment,
            Conversations conversations,
            ConversationSender sender,
            BusinessHours hours,
            AwayMessages away,
            WaitEstimate wait,
            BotTexts texts,
            Clock clock) {
        this.assignment = assignment;
        this.conversations = conversations;
        this.sender = sender;
        this.hours = hours;
        this.away = away;
        this.wait = wait;
        this.texts = texts;
        this.clock = clock;
    }

    /** The customer waits for a person now; tells them how long, or when the shop opens again. */
    void toPeople(ConversationRow conversation) {
        var alreadyWaiting = conversation.waitingSince() != null;
        assignment.queue(conversation);
        if (awayIfClosed(conversation) || alreadyWaiting) {
            return;
        }
        var language = BotTexts.locale(conversation.language());
        // the minutes as text: MessageFormat builds a NumberFormat for every number it formats
        say(conversation, texts.say("answers.handoff.acknowledgement", language, Long.toString(wait.minutes())));
    }

    /**
     * The customer wrote again while people have the conversation: they wait for an answer again, and the
     * bot says nothing but the away message outside business hours.
     */
    void customerWaits(ConversationRow conversation) {
        assignment.queue(conversation);
        awayIfClosed(conversation);
    }

    /** Outside business hours, the away message once per closed period; true when closed. */
    boolean awayIfClosed(ConversationRow conversation) {
        var now = clock.instant();
        var calendar = hours.calendar();
        if (calendar.isOpen(now)) {
            return false;
        }
        var period = calendar.closedSince(now).orElse(null);
        if (period != null && period.equals(conversation.awaySentFor())) {
            return true;
        }
        conversations
                .update(conversation.id(), "away_sent_for = :period")
                .with("period", period)
                .run();
        say(conversation, away.awayMessage(BotTexts.locale(conversation.language()), now));
        return true;
    }

    private void say(ConversationRow conversation, String words) {
        if (conversation.customerId() == null) {
            return; // a number no customer has: agents answer once the shop knows who it is
        }
        try {
            sender.send(conversation, Author.BOT, null, new OutboundContent.Text(words, false), words, null);
        } catch (MessageRefusedException refused) {
            log.info("no automatic answer in conversation {}: {}", conversation.id(), refused.code());
        }
    }
}
