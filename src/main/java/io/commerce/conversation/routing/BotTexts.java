package io.commerce.conversation.routing;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the bot says, in the customer's language, from the {@code i18n/conversation} message bundle
 * (English when the language has no translation).
 */
@Component
public class BotTexts {

    /** Parsed once per language tag: every answer asks. */
    private static final Map<String, Locale> LOCALES = new ConcurrentHashMap<>();

    private final MessageSource messages;

    BotTexts(MessageSource messages) {
        this.messages = messages;
    }

    String say(String key, Locale language, Object... args) {
        return messages.getMessage(key, args, language);
    }

    public static Locale locale(@Nullable String language) {
        return language == null ? Locale.ENGLISH : LOCALES.computeIfAbsent(language, Locale::forLanguageTag);
    }
}
