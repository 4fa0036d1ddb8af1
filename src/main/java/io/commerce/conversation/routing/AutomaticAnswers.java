package io.commerce.conversation.routing;

import io.commerce.conversation.Author;
import io.commerce.conversation.ConversationProperties;
import io.commerce.conversation.MenuChoice;
import io.commerce.conversation.answers.Faqs;
import io.commerce.conversation.answers.Intent;
import io.commerce.conversation.answers.Intents;
import io.commerce.conversation.store.ConversationRow;
import io.commerce.conversation.store.Conversations;
import io.commerce.messaging.InboundMessageReceived;
import io.commerce.messaging.InboundView;
import io.commerce.messaging.MessageRefusedException;
import io.commerce.messaging.OutboundContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The bot, for a conversation nobody else answers, in the customer's language: a person when asked for (or
 * for a file, which a person should look at); the status of the customer's own orders; an FAQ answer; the
 * menu (order status, questions, a person) on a greeting, "menu", or a message nothing matched; two misses
 * in a row go to a person. While a person has the conversation, or it waits for one, the bot is silent but
 * for the away message outside business hours.
 */
@Component
class AutomaticAnswers {

    private static final Logger log = LoggerFactory.getLogger(AutomaticAnswers.class);
    static final String MENU_ORDERS = "MENU_ORDER_STATUS";
    static final String MENU_QUESTIONS = "MENU_QUESTIONS";
    static final String MENU_PERSON = "MENU_PERSON";

    private final Intents intents;
    private final Faqs faqs;
    private final OrderStatusAnswers orders;
    private final Handover handover;
    private final Conversations conversations;
    private final ConversationSender sender;
    private final BotTexts texts;
    private final ConversationProperties properties;
    private final List<MenuChoice> choices;

    AutomaticAnswers(
            Intents intents,
            Faqs faqs,
            OrderStatusAnswers orders,
            Handover handover,
            Conversations conversations,
            ConversationSender sender,
            BotTexts texts,
            ConversationProperties properties,
            List<MenuChoice> choices) {
        this.intents = intents;
        this.faqs = faqs;
        this.orders = orders;
        this.handover = handover;
        this.conversations = conversations;
        this.sender = sender;
        this.texts = texts;
        this.properties = properties;
        this.choices = List.copyOf(choices);
    }

    /** @param customer the customer's id, when the sender is a known customer not erased */
    void answer(
            ConversationRow conversation,
            InboundView inbound,
            InboundMessageReceived received,
            Optional<String> customer) {
        if (conversation.withPeople()) {
            handover.customerWaits(conversation);
            return;
        }
        if (customer.isEmpty() || (inbound.text() == null && inbound.replyPayload() == null)) {
            handover.toPeople(conversation); // a stranger, or a file: for a person to see
            return;
        }
        var language = BotTexts.locale(conversation.language());
        var customerId = customer.get();
        if (inbound.replyPayload() != null && chosen(conversation, customerId, inbound.replyPayload(), language)) {
            return;
        }
        var text = inbound.text() == null ? "" : inbound.text();
        var intent = intents.recognize(text);
        var orderNumber = intents.orderNumber(text);
        if (intent.equals(Optional.of(Intent.HUMAN))) {
            handover.toPeople(conversation);
        } else if (intent.equals(Optional.of(Intent.ORDER_STATUS)) || orderNumber.isPresent()) {
            found(conversation, orders.answer(customerId, orderNumber.orElse(null), language));
        } else if (intent.equals(Optional.of(Intent.MENU)) || intent.equals(Optional.of(Intent.GREETING))) {
            found(conversation, menu(language, null));
        } else if (intent.equals(Optional.of(Intent.THANKS))) {
            found(conversation, null);
        } else {
            var faq = faqs.match(text, language);
            if (faq.isPresent()) {
                found(conversation, new OutboundContent.Text(faq.get().text(), true));
            } else {
                missed(conversation, language);
            }
        }
    }

    /** A row of ours tapped: the menu's choices and the order list. */
    private boolean chosen(ConversationRow conversation, String customerId, String payload, Locale language) {
        if (payload.startsWith(OrderStatusAnswers.ROW)) {
            var orderId = payload.substring(OrderStatusAnswers.ROW.length());
            found(conversation, orders.answer(customerId, orderId, language));
            return true;
        }
        switch (payload) {
            case MENU_ORDERS -> found(conversation, orders.answer(customerId, null, language));
            case MENU_QUESTIONS ->
                found(conversation, new OutboundContent.Text(texts.say("answers.questions.prompt", language), false));
            case MENU_PERSON -> handover.toPeople(conversation);
            default -> {
                return false;
            }
        }
        return true;
    }

    private void found(ConversationRow conversation, @Nullable OutboundContent answer) {
        if (conversation.misses() > 0) {
            conversations.update(conversation.id(), "misses = 0").run();
        }
        if (answer != null) {
            say(conversation, answer);
        }
    }

    private void missed(ConversationRow conversation, Locale language) {
        var misses = conversation.misses() + 1;
        conversations
                .update(conversation.id(), "misses = :misses")
                .with("misses", misses)
                .run();
        if (misses >= properties.missesBeforePerson()) {
            handover.toPeople(conversation);
        } else {
            say(conversation, menu(language, texts.say("answers.miss", language)));
        }
    }

    private OutboundContent menu(Locale language, @Nullable String preface) {
        var rows = new ArrayList<OutboundContent.Row>();
        rows.add(row(MENU_ORDERS, "order-status", language));
        choices.forEach(choice ->
                rows.add(new OutboundContent.Row(choice.id(), choice.title(language), choice.description(language))));
        rows.add(row(MENU_QUESTIONS, "questions", language));
        rows.add(row(MENU_PERSON, "person", language));
        var body = texts.say("answers.menu.body", language);
        return new OutboundContent.ListMenu(
                null,
                preface == null ? body : preface + "\n\n" + body,
                null,
                texts.say("answers.menu.button", language),
                List.of(new OutboundContent.Section(texts.say("answers.menu.section", language), rows)));
    }

    private OutboundContent.Row row(String id, String key, Locale language) {
        return new OutboundContent.Row(
                id,
                texts.say("answers.menu." + key + ".title", language),
                texts.say("answers.menu." + key + ".description", language));
    }

    private void say(ConversationRow conversation, OutboundContent answer) {
        try {
            sender.send(conversation, Author.BOT, null, answer, answer.words(), null);
        } catch (MessageRefusedException refused) {
            log.info("no automatic answer in conversation {}: {}", conversation.id(), refused.code());
        }
    }
}
