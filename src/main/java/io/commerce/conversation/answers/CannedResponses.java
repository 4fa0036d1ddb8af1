package io.commerce.conversation.answers;

import io.commerce.shared.InvalidValueException;
import io.commerce.shared.Upserted;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ready-made replies agents insert ({@code /api/v1/canned-responses}), per language, with the placeholders
 * {@code {firstName}} and {@code {lastOrderNumber}} (see {@link Placeholders}) filled in by {@link #render}.
 */
@Service
public class CannedResponses {

    private final CannedResponseRows rows;
    private final Clock clock;

    CannedResponses(CannedResponseRows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    /**
     * The response's text in the language (else English, else its first language alphabetically) with the
     * placeholders replaced by {@code values} ({@code firstName}, {@code lastOrderNumber}; a missing value
     * renders as nothing).
     *
     * @throws CannedResponseNotFoundException when no response has this key
     */
    @Transactional(readOnly = true)
    public String render(String key, Locale language, Map<String, String> values) {
        return Placeholders.render(chosen(get(key).texts(), language), values);
    }

    private static String chosen(Map<String, String> texts, Locale language) {
        var chosen = texts.containsKey(language.getLanguage())
                ? language.getLanguage()
                : texts.containsKey("en")
                        ? "en"
                        : texts.keySet().stream().sorted().findFirst().orElseThrow();
        return texts.get(chosen);
    }

    @Transactional
    Upserted<CannedResponseView> put(String key, CannedResponseDetails details) {
        var texts = new TreeMap<String, String>();
        details.texts().forEach((language, text) -> {
            var unknown = Placeholders.unknownIn(text);
            if (!unknown.isEmpty()) {
                throw new InvalidValueException(
                        "texts",
                        "unknown placeholder %s in '%s'; known: {firstName}, {lastOrderNumber}"
                                .formatted(
                                        String.join(
                                                ", ",
                                                unknown.stream()
                                                        .map(p -> "{" + p + "}")
                                                        .toList()),
                                        language));
            }
            texts.put(language, text.strip());
        });
        boolean created = rows.upsert(key, texts, clock.instant());
        return new Upserted<>(get(key), created);
    }

    @Transactional(readOnly = true)
    CannedResponseView get(String key) {
        return rows.views(key).stream().findFirst().orElseThrow(() -> new CannedResponseNotFoundException(key));
    }

    @Transactional(readOnly = true)
    List<CannedResponseView> list() {
        return rows.views(null);
    }

    /** Every response's key and its text in the language (else English, else its first), placeholders unfilled. */
    @Transactional(readOnly = true)
    public Map<String, String> previews(Locale language) {
        var previews = new LinkedHashMap<String, String>();
        list().forEach(view -> previews.put(view.key(), chosen(view.texts(), language)));
        return previews;
    }

    @Transactional
    void delete(String key) {
        if (!rows.delete(key)) {
            throw new CannedResponseNotFoundException(key);
        }
    }
}
