package io.commerce.conversation.answers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OrderReferencesTest {

    private final Intents intents = new Intents();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "pedido #1234|1234",
                "¿dónde está mi pedido #1234?|1234",
                "order 10045|10045",
                "Order no. 10045, please|10045",
                "mi pedido es el A-77|A-77",
                "waar is bestelling 5521?|5521",
                "my order is ord-2024-0042|ord-2024-0042",
                "#98765|98765",
                "I paid for #98765 yesterday|98765",
                "A-1234|A-1234",
                "where is A-1234 please|A-1234",
                "10045|10045"
            })
    void findsTheShapesItDocuments(String text, String expected) {
        assertThat(intents.orderNumber(text)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "where is my order?",
                "I ordered 2 pairs",
                "my order from 2026-11-23",
                "the order cost 89.95",
                "call me on +34612345678",
                "I bought 3 shoes for 120 euros",
                "42",
                ""
            })
    void otherNumbersAreNoReference(String text) {
        assertThat(intents.orderNumber(text)).isEmpty();
    }
}
