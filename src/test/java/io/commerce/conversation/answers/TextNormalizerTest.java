package io.commerce.conversation.answers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormalizerTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "¿Dónde está mi PEDIDO?|donde esta mi pedido",
                "¡Hola!   Buenas   tardes|hola buenas tardes",
                "Menú|menu",
                "Where's my package?!|wheres my package",
                "pedido #1234|pedido 1234",
                "A-1234|a 1234",
                "hello,how are you|hello how are you",
                "Ça coûte combien ?|ca coute combien",
                "👍 thanks 🙏|thanks",
                "Één bestelling|een bestelling"
            })
    void lowersCaseDropsAccentsAndPunctuationAndCollapsesSpaces(String text, String expected) {
        assertThat(TextNormalizer.normalize(text)).isEqualTo(expected);
    }

    @Test
    void collapsesTabsAndLineBreaks() {
        assertThat(TextNormalizer.normalize("  \t tabs\nand\r\nlines  ")).isEqualTo("tabs and lines");
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "NULL",
            value = {"NULL", "'   '", "'¿?¡!...'"})
    void nothingToMatchIsTheEmptyString(String text) {
        assertThat(TextNormalizer.normalize(text)).isEmpty();
    }
}
