package io.commerce.conversation.answers;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one spelling every matcher compares: lower case, accents removed ("Menú" → "menu"), apostrophes
 * dropped ("where's" → "wheres"), every other punctuation mark or symbol (¿ ¡ ? ! , . # - emoji …) turned
 * into a space, whitespace collapsed and trimmed. Letters and digits of any script are kept.
 */
public final class TextNormalizer {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['’‘`´]");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}\\s]+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private TextNormalizer() {}

    /** The normalised text; {@code null} becomes the empty string. */
    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        var decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        var plain = COMBINING_MARKS.matcher(decomposed).replaceAll("");
        plain = APOSTROPHES.matcher(plain).replaceAll("");
        plain = NOT_LETTER_OR_DIGIT.matcher(plain).replaceAll(" ");
        plain = WHITESPACE.matcher(plain).replaceAll(" ");
        return plain.strip().toLowerCase(Locale.ROOT);
    }
}
