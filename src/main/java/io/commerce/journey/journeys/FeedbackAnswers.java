package io.commerce.journey.journeys;

import io.commerce.conversation.FeedbackReason;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the customer's answers in the delivery-feedback conversation, whether they tapped (a button or row
 * id such as {@code RATING_4}) or typed (an SMS, or words instead of a tap). A typed rating is a number from 1
 * to 5 that ends the text, alone or followed by its scale ("4/5", "4 out of 5", "5 stars", "2 estrellas"),
 * with no other number before it ("I'd give it a 2" is 2, "it took 3 weeks" is no rating), or only stars;
 * "yes" is read in English, Spanish or Dutch.
 */
final class FeedbackAnswers {

    static final String AGENT_YES = "AGENT_YES";
    static final String AGENT_NO = "AGENT_NO";

    private static final Pattern RATING_PAYLOAD = Pattern.compile("RATING_([1-5])");
    private static final Pattern TYPED_RATING = Pattern.compile(
            "\\D*?([1-5])\\s*(?:(?:/|out of|de|sobre|van|uit)\\s*5|stars?|estrellas?|sterren|ster)?"
                    + "[\\s\\p{Punct}\\p{So}\uFE0F]*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern LEADING_NUMBER = Pattern.compile("\\d+");
    private static final Pattern FIRST_WORD = Pattern.compile("\\p{L}+");
    private static final Pattern ONLY_STARS = Pattern.compile("[\u2B50\u2605\uFE0F\\s]+");
    private static final FeedbackReason[] NUMBERED_REASONS = {
        FeedbackReason.SHIPPING, FeedbackReason.QUALITY, FeedbackReason.SERVICE
    };
    private static final Set<String> YES = Set.of("yes", "y", "yeah", "yep", "si", "s", "claro", "ja", "j", "graag");

    private FeedbackAnswers() {}

    /** 1 to 5 from a {@code RATING_n} payload, else from the typed number or stars; else empty. */
    static Optional<Integer> rating(String payload, String text) {
        if (payload != null) {
            var tapped = RATING_PAYLOAD.matcher(payload.strip());
            if (tapped.matches()) {
                return Optional.of(Integer.parseInt(tapped.group(1)));
            }
        }
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        var typed = TYPED_RATING.matcher(text.strip());
        if (typed.matches()) {
            return Optional.of(Integer.parseInt(typed.group(1)));
        }
        if (ONLY_STARS.matcher(text).matches()) {
            var stars = (int)
                    text.codePoints().filter(c -> c == 0x2B50 || c == 0x2605).count();
            return stars >= 1 && stars <= 5 ? Optional.of(stars) : Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * The chosen reason from a row id, or from a text starting with 1, 2 or 3 (the numbered SMS options); else
     * empty (the caller keeps the words as a comment).
     */
    static Optional<FeedbackReason> reason(String payload, String text) {
        if (payload != null) {
            for (var reason : FeedbackReason.values()) {
                if (reason.rowId().equals(payload.strip())) {
                    return Optional.of(reason);
                }
            }
        }
        if (text == null) {
            return Optional.empty();
        }
        var option = LEADING_NUMBER.matcher(text.strip());
        return option.lookingAt()
                ? inRange(option.group(), 1, NUMBERED_REASONS.length).map(n -> NUMBERED_REASONS[n - 1])
                : Optional.empty();
    }

    /** Whether the customer said yes to a person: the button, or a first word meaning yes. Anything else is no. */
    static boolean wantsAgent(String payload, String text) {
        if (payload != null && (payload.equals(AGENT_YES) || payload.equals(AGENT_NO))) {
            return payload.equals(AGENT_YES);
        }
        if (text == null) {
            return false;
        }
        var plain = Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        var firstWord = FIRST_WORD.matcher(plain);
        return firstWord.find() && YES.contains(firstWord.group());
    }

    private static Optional<Integer> inRange(String digits, int min, int max) {
        if (digits.length() > 2) {
            return Optional.empty();
        }
        var value = Integer.parseInt(digits);
        return value >= min && value <= max ? Optional.of(value) : Optional.empty();
    }
}
