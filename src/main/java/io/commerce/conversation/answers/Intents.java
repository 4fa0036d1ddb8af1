package io.commerce.conversation.answers;

import io.commerce.conversation.answers.PhraseMatch.Strength;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Recognises what a customer's message asks for, in English, Spanish and Dutch (the phrases live in
 * {@code conversation/intents.properties}, see {@link IntentPhrases}), and finds an order reference in it.
 *
 * <p>A message matches a phrase exactly, by containing it as whole words, or within a few typing mistakes
 * ({@link PhraseMatch}); an exact match anywhere beats a contained one, which beats a fuzzy one, and within
 * the same strength the order of {@link Intent} decides. Small talk ({@link Intent#MENU}, {@link
 * Intent#THANKS}, {@link Intent#GREETING}) is only recognised inside short messages (at most {@value
 * #SMALL_TALK_WORDS} words), so "hi, do you ship to the Canary Islands?" stays a question for the FAQ.
 * Cheap enough to run on every inbound message: no I/O, a few hundred short string comparisons.
 */
@Component
public class Intents {

    static final int SMALL_TALK_WORDS = 5;
    private static final Set<Intent> SMALL_TALK = EnumSet.of(Intent.MENU, Intent.THANKS, Intent.GREETING);

    private final IntentPhrases phrases = IntentPhrases.load();

    /** The customer's wish, or empty when the message is none of the {@link Intent}s. */
    public Optional<Intent> recognize(String text) {
        var message = new PhraseMatch.Message(TextNormalizer.normalize(text));
        if (message.wordCount == 0) {
            return Optional.empty();
        }
        boolean shortMessage = message.wordCount <= SMALL_TALK_WORDS;
        for (var strength : Strength.values()) {
            for (var intent : Intent.values()) {
                if (strength != Strength.EXACT && SMALL_TALK.contains(intent) && !shortMessage) {
                    continue;
                }
                if (matches(message, phrases.of(intent), strength)) {
                    return Optional.of(intent);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * An order reference the message names, as written (without a leading {@code #}); the shapes are
     * listed on {@link OrderReferences}. The caller looks it up among the customer's own orders only.
     */
    public Optional<String> orderNumber(String text) {
        return OrderReferences.find(text);
    }

    private static boolean matches(PhraseMatch.Message message, List<PhraseMatch.Phrase> phrases, Strength strength) {
        for (var phrase : phrases) {
            boolean hit = switch (strength) {
                case EXACT -> PhraseMatch.exact(message.text, phrase.text());
                case CONTAINED -> PhraseMatch.contains(message.text, phrase.text());
                case FUZZY -> PhraseMatch.fuzzyDistance(message, phrase) >= 0;
            };
            if (hit) {
                return true;
            }
        }
        return false;
    }
}
