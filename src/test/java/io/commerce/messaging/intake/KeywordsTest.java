package io.commerce.messaging.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.commerce.messaging.DefaultMessagingProperties;
import io.commerce.messaging.intake.Keywords.Intent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KeywordsTest {

    private final Keywords keywords = new Keywords(DefaultMessagingProperties.defaults());

    @ParameterizedTest
    @CsvSource({
        "STOP, STOP",
        "stop, STOP",
        "' Stop. ', STOP",
        "BAJA, STOP",
        "¡Baja!, STOP",
        "parar, STOP",
        "STOPPEN, STOP",
        "afmelden, STOP",
        "Unsubscribe, STOP",
        "STOP ALL, STOP_ALL",
        "stop  all, STOP_ALL",
        "BAJA TOTAL, STOP_ALL",
        "START, START",
        "alta, START",
        "Aanmelden, START"
    })
    void recognisesKeywordsInAnyCaseAndLanguage(String text, Intent intent) {
        assertThat(keywords.match(text)).contains(intent);
    }

    @ParameterizedTest
    @ValueSource(strings = {"please stop sending me this", "stopwatch", "where is my order?", ""})
    void ignoresOrdinaryMessages(String text) {
        assertThat(keywords.match(text)).isEmpty();
    }
}
