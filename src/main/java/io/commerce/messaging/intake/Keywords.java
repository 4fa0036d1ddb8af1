package io.commerce.messaging.intake;

import io.commerce.messaging.MessagingProperties;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Opt-out and opt-in keywords in any configured language, matched on the whole message regardless of
 * case, spacing and trailing punctuation ({@code "stop."}, {@code " Baja "}).
 */
@Component
class Keywords {

    /** What a keyword asks for. */
    enum Intent {
        STOP,
        STOP_ALL,
        START
    }

    private final Set<String> stop;
    private final Set<String> stopAll;
    private final Set<String> start;

    Keywords(MessagingProperties properties) {
        this.stop = normalized(properties.keywords().stop());
        this.stopAll = normalized(properties.keywords().stopAll());
        this.start = normalized(properties.keywords().start());
    }

    Optional<Intent> match(String text) {
        if (text == null || text.length() > 40) {
            return Optional.empty();
        }
        var word = normalize(text);
        if (stopAll.contains(word)) {
            return Optional.of(Intent.STOP_ALL);
        }
        if (stop.contains(word)) {
            return Optional.of(Intent.STOP);
        }
        return start.contains(word) ? Optional.of(Intent.START) : Optional.empty();
    }

    private static Set<String> normalized(List<String> words) {
        return words.stream().map(Keywords::normalize).collect(Collectors.toUnmodifiableSet());
    }

    private static String normalize(String text) {
        return text.strip()
                .replaceAll("[\\p{Punct}¡¿]+$", "")
                .replaceAll("^[\\p{Punct}¡¿]+", "")
                .replaceAll("\\s+", " ")
                .toUpperCase(Locale.ROOT);
    }
}
