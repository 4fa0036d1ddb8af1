package io.commerce.conversation.answers;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.springframework.core.io.ClassPathResource;

/**
 * The phrases that signal each {@link Intent}, read once from {@code conversation/intents.properties} on
 * the class path ({@code src/main/resources/conversation/intents.properties}): one key per intent and
 * language ({@code order_status.es = dónde está mi pedido, estado de mi pedido, …}), comma-separated, written
 * naturally (they are normalised on loading). Adding a phrase or a language is an edit of that file.
 */
final class IntentPhrases {

    static final String LOCATION = "conversation/intents.properties";

    private final Map<Intent, List<PhraseMatch.Phrase>> phrases;

    private IntentPhrases(Map<Intent, List<PhraseMatch.Phrase>> phrases) {
        this.phrases = phrases;
    }

    static IntentPhrases load() {
        var properties = new Properties();
        try (var reader =
                new InputStreamReader(new ClassPathResource(LOCATION).getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + LOCATION, e);
        }
        var phrases = new EnumMap<Intent, List<PhraseMatch.Phrase>>(Intent.class);
        for (var intent : Intent.values()) {
            phrases.put(intent, new ArrayList<>());
        }
        for (var key : properties.stringPropertyNames()) {
            var intentName = key.substring(0, key.indexOf('.') < 0 ? key.length() : key.indexOf('.'));
            var intent = Intent.valueOf(intentName.toUpperCase(Locale.ROOT));
            for (var phrase : properties.getProperty(key).split(",")) {
                var normalized = TextNormalizer.normalize(phrase);
                if (!normalized.isEmpty()) {
                    phrases.get(intent).add(PhraseMatch.Phrase.of(normalized));
                }
            }
        }
        phrases.replaceAll((intent, list) -> List.copyOf(list));
        return new IntentPhrases(phrases);
    }

    /** The normalised phrases of this intent, every language together. */
    List<PhraseMatch.Phrase> of(Intent intent) {
        return phrases.get(intent);
    }
}
