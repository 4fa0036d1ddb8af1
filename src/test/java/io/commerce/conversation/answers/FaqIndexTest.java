package io.commerce.conversation.answers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FaqIndexTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    private static FaqView entry(String faqId, Map<String, List<String>> questions, Map<String, String> answers) {
        return new FaqView(faqId, questions, answers, NOW, NOW);
    }

    private final FaqIndex index = FaqIndex.of(List.of(
            entry(
                    "shipping",
                    Map.of(
                            "en", List.of("shipping cost", "how much is shipping"),
                            "es", List.of("cuánto cuesta el envío", "gastos de envío")),
                    Map.of(
                            "en",
                            "Shipping is 4.95 €.",
                            "es",
                            "El envío cuesta 4,95 €.",
                            "nl",
                            "Verzending kost 4,95 €.")),
            entry(
                    "shipping-spain",
                    Map.of("en", List.of("how much is shipping to spain")),
                    Map.of("en", "Shipping to Spain is free.")),
            entry(
                    "returns",
                    Map.of("en", List.of("returns"), "nl", List.of("retourneren")),
                    Map.of("en", "Returns are free for 30 days.", "nl", "Retourneren is 30 dagen gratis.")),
            entry(
                    "opening",
                    Map.of("es", List.of("horario de la tienda")),
                    Map.of("es", "Abrimos de 9 a 18.", "nl", "Open van 9 tot 18."))));

    @Test
    void anExactQuestionBeatsOneTheMessageContains() {
        // "how much is shipping" is contained in "how much is shipping to spain", which is the exact question
        assertThat(index.match("How much is shipping to Spain?", "en"))
                .hasValueSatisfying(answer -> assertThat(answer.faqId()).isEqualTo("shipping-spain"));
        assertThat(index.match("how much is shipping", "en"))
                .hasValueSatisfying(answer -> assertThat(answer.faqId()).isEqualTo("shipping"));
    }

    @Test
    void aContainedQuestionBeatsAFuzzyOne() {
        // contains "returns" exactly, and is also within two edits of "how much is shipping"
        assertThat(index.match("how much is shiping returns", "en"))
                .hasValueSatisfying(answer -> assertThat(answer.faqId()).isEqualTo("returns"));
    }

    @Test
    void theLongestContainedQuestionWins() {
        assertThat(index.match("hi! how much is shipping to spain for two pairs", "en"))
                .hasValueSatisfying(answer -> assertThat(answer.faqId()).isEqualTo("shipping-spain"));
    }

    @Test
    void aShortMessageInsideALongerQuestionMatchesFromThreeWords() {
        assertThat(index.match("shipping to spain", "en"))
                .hasValueSatisfying(answer -> assertThat(answer.faqId()).isEqualTo("shipping-spain"));
        assertThat(index.match("to spain", "en")).isEmpty();
    }

    @Test
    void typingMistakesMatchFuzzily() {
        assertThat(index.match("how much is shiping", "en"))
                .hasValueSatisfying(answer -> assertThat(answer.faqId()).isEqualTo("shipping"));
        assertThat(index.match("cuanto cuesta el enivo", "es"))
                .hasValueSatisfying(answer -> assertThat(answer.faqId()).isEqualTo("shipping"));
    }

    @Test
    void accentsCaseAndPunctuationDoNotMatter() {
        assertThat(index.match("¿CUÁNTO cuesta el ENVÍO?", "es")).hasValueSatisfying(answer -> {
            assertThat(answer.faqId()).isEqualTo("shipping");
            assertThat(answer.text()).isEqualTo("El envío cuesta 4,95 €.");
        });
    }

    @Test
    void answersInTheCustomersLanguageElseEnglishElseTheFirstLanguage() {
        assertThat(index.match("shipping cost", "nl"))
                .hasValueSatisfying(answer -> assertThat(answer.language()).isEqualTo("nl"));
        assertThat(index.match("shipping cost", "fr"))
                .hasValueSatisfying(answer -> assertThat(answer.language()).isEqualTo("en"));
        assertThat(index.match("horario de la tienda", "fr")).hasValueSatisfying(answer -> {
            assertThat(answer.language()).isEqualTo("es");
            assertThat(answer.text()).isEqualTo("Abrimos de 9 a 18.");
        });
    }

    @Test
    void questionsOfTheCustomersLanguageAreSearchedFirst() {
        var both = FaqIndex.of(List.of(
                entry("en-one", Map.of("en", List.of("retour")), Map.of("en", "English entry")),
                entry("nl-one", Map.of("nl", List.of("retour")), Map.of("nl", "Dutch entry"))));

        assertThat(both.match("retour", "nl"))
                .hasValueSatisfying(answer -> assertThat(answer.faqId()).isEqualTo("nl-one"));
        assertThat(both.match("retour", "en"))
                .hasValueSatisfying(answer -> assertThat(answer.faqId()).isEqualTo("en-one"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "do you have these shoes in blue",
                "how much is the red shoe",
                "my package arrived broken",
                "hola",
                "shipping",
                "¿?",
                ""
            })
    void unrelatedTextMatchesNothing(String text) {
        assertThat(index.match(text, "en")).isEmpty();
    }
}
