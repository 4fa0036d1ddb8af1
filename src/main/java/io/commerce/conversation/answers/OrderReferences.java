package io.commerce.conversation.answers;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the order a customer names in a message. Recognised shapes, first hit wins:
 *
 * <ol>
 *   <li>after a word for order (order, pedido, orden, compra, bestelling, bestelnummer, ordernummer), the
 *       first word holding a digit: "pedido #1234" → {@code 1234}, "order no. 10045" → {@code 10045},
 *       "mi pedido es el A-77" → {@code A-77};
 *   <li>a word starting with {@code #}: "#1234" → {@code 1234};
 *   <li>a code of 1–5 letters, a dash and digits: "A-1234", "ORD-2024-0042";
 *   <li>a message that is only a number of 3–12 digits: "10045".
 * </ol>
 *
 * A reference is 3 to 40 letters, digits or dashes holding at least one digit, returned as written; dates
 * ("2026-11-23"), prices ("89.95") and phone numbers ("+34…") are never references.
 */
final class OrderReferences {

    private static final Pattern ORDER_WORD =
            Pattern.compile("(?iu)\\b(order|pedido|orden|compra|bestelling|bestelnummer|ordernummer)\\b");
    private static final Pattern REFERENCE = Pattern.compile("(?=[A-Za-z0-9-]*\\d)[A-Za-z0-9][A-Za-z0-9-]{2,39}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern LETTER_CODE = Pattern.compile("[A-Za-z]{1,5}-\\d{3,}(-\\d+)*");
    private static final Pattern ONLY_NUMBER = Pattern.compile("#?\\d{3,12}");
    private static final Pattern TRAILING = Pattern.compile("[.,;:!?)\\]»\"']+$");
    private static final Pattern LEADING = Pattern.compile("^[(\\[«\"'¿¡]+");

    private OrderReferences() {}

    static Optional<String> find(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        var words = text.strip().split("\\s+");
        var orderWord = ORDER_WORD.matcher(text);
        if (orderWord.find()) {
            var after = text.substring(orderWord.end()).strip();
            for (var word : after.isEmpty() ? new String[0] : after.split("\\s+")) {
                var reference = reference(word);
                if (reference != null) {
                    return Optional.of(reference);
                }
            }
        }
        for (var word : words) {
            var cleaned = clean(word);
            if (cleaned.startsWith("#") && reference(cleaned) != null) {
                return Optional.of(reference(cleaned));
            }
        }
        for (var word : words) {
            var cleaned = clean(word);
            if (LETTER_CODE.matcher(cleaned).matches()) {
                return Optional.of(cleaned);
            }
        }
        if (words.length == 1 && ONLY_NUMBER.matcher(clean(words[0])).matches()) {
            return Optional.of(clean(words[0]).replace("#", ""));
        }
        return Optional.empty();
    }

    /** The reference this word is, without a leading {@code #} or surrounding punctuation, or null. */
    private static String reference(String word) {
        var cleaned = clean(word);
        if (cleaned.startsWith("#")) {
            cleaned = cleaned.substring(1);
        }
        if (REFERENCE.matcher(cleaned).matches() && !DATE.matcher(cleaned).matches()) {
            return cleaned;
        }
        return null;
    }

    private static String clean(String word) {
        return LEADING.matcher(TRAILING.matcher(word).replaceAll("")).replaceAll("");
    }
}
