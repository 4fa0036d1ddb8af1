package io.commerce.conversation.answers;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders a canned response may hold, written in braces: {@code {firstName}} (the customer's first
 * name) and {@code {lastOrderNumber}} (the id of the customer's latest order). Anything else in braces is
 * refused when the response is saved; a placeholder without a value renders as nothing.
 */
final class Placeholders {

    static final Set<String> KNOWN = Set.of("firstName", "lastOrderNumber");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    private Placeholders() {}

    /** The placeholders in the text that are not {@link #KNOWN}, sorted. */
    static Set<String> unknownIn(String text) {
        var unknown = new TreeSet<String>();
        var matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            if (!KNOWN.contains(matcher.group(1))) {
                unknown.add(matcher.group(1));
            }
        }
        return unknown;
    }

    /** The text with each known placeholder replaced by its value (nothing when absent). */
    static String render(String text, Map<String, String> values) {
        return PLACEHOLDER.matcher(text).replaceAll(match -> {
            var name = match.group(1);
            if (!KNOWN.contains(name)) {
                return Matcher.quoteReplacement(match.group());
            }
            return Matcher.quoteReplacement(values.getOrDefault(name, ""));
        });
    }
}
