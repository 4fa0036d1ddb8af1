package io.commerce.shared;

import java.util.IllformedLocaleException;
import java.util.Locale;

/** A well-formed BCP-47 language tag in its canonical spelling ({@code en}, {@code es}, {@code pt-BR}). */
public record LanguageTag(String value) {

    public static LanguageTag parse(String text) {
        try {
            var locale = new Locale.Builder().setLanguageTag(text.strip()).build();
            if (locale.getLanguage().isEmpty()) {
                throw new InvalidValueException("language", "'%s' names no language".formatted(text));
            }
            return new LanguageTag(locale.toLanguageTag());
        } catch (IllformedLocaleException e) {
            throw new InvalidValueException("language", "'%s' is not a BCP-47 language tag".formatted(text));
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
