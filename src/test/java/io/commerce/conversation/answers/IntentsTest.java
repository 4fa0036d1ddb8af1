package io.commerce.conversation.answers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IntentsTest {

    private final Intents intents = new Intents();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                // English
                "hi|GREETING",
                "Hello!|GREETING",
                "good morning|GREETING",
                "menu|MENU",
                "MENU please|MENU",
                "where is my order?|ORDER_STATUS",
                "Where's my package|ORDER_STATUS",
                "track my order|ORDER_STATUS",
                "when will my order arrive|ORDER_STATUS",
                "hi, where is my order? I ordered last week|ORDER_STATUS",
                "talk to a person|HUMAN",
                "I want to speak to someone now|HUMAN",
                "thanks!|THANKS",
                "thank you very much|THANKS",
                // Spanish
                "hola|GREETING",
                "Buenas tardes|GREETING",
                "menú|MENU",
                "¿dónde está mi pedido?|ORDER_STATUS",
                "estado de mi pedido|ORDER_STATUS",
                "hola, ¿cuándo llega mi pedido?|ORDER_STATUS",
                "quiero hablar con una persona|HUMAN",
                "agente|HUMAN",
                "humano|HUMAN",
                "gracias|THANKS",
                "¡Muchas gracias!|THANKS",
                // Dutch
                "hallo|GREETING",
                "goedemorgen|GREETING",
                "opties|MENU",
                "waar is mijn bestelling|ORDER_STATUS",
                "Waar blijft mijn pakket?|ORDER_STATUS",
                "medewerker|HUMAN",
                "ik wil iemand spreken|HUMAN",
                "bedankt|THANKS",
                "dank je wel!|THANKS"
            })
    void recognisesTheUsualPhrasings(String text, Intent expected) {
        assertThat(intents.recognize(text)).contains(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "where is my oder|ORDER_STATUS",
                "were is my order|ORDER_STATUS",
                "donde esta mi pedio|ORDER_STATUS",
                "waar is mijn besteling|ORDER_STATUS",
                "good mornig|GREETING",
                "goedemorgn|GREETING",
                "ik wil iemand sprekken|HUMAN",
                "hablar con una presona|HUMAN"
            })
    void toleratesTypingMistakes(String text, Intent expected) {
        assertThat(intents.recognize(text)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "hola, quiero hablar con una persona sobre mi pedido|HUMAN",
                "gracias, ¿dónde está mi pedido?|ORDER_STATUS",
                "hola gracias|THANKS"
            })
    void theStrongerWishWins(String text, Intent expected) {
        assertThat(intents.recognize(text)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "do you sell red running shoes in size 42?",
                "hi, do you ship to the Canary Islands or not?",
                "¿tenéis estas zapatillas en azul?",
                "heb je deze schoenen ook in het blauw?",
                "where is my mother",
                "men",
                "",
                "?!"
            })
    void unrelatedTextIsNoIntent(String text) {
        assertThat(intents.recognize(text)).isEmpty();
    }
}
