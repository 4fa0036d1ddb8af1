package io.commerce.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** SMS segments as carriers count them: GSM-7 160/153, UCS-2 70/67, extension characters twice. */
class SmsSegmentsTest {

    @Test
    void gsmTextFitsOneSegmentUpTo160Characters() {
        assertThat(SmsSegments.count("a".repeat(160))).isEqualTo(1);
        assertThat(SmsSegments.count("a".repeat(161))).isEqualTo(2);
        assertThat(SmsSegments.count("a".repeat(306))).isEqualTo(2);
        assertThat(SmsSegments.count("a".repeat(307))).isEqualTo(3);
    }

    @Test
    void extensionCharactersTakeTwoSeptets() {
        assertThat(SmsSegments.count("€".repeat(80))).isEqualTo(1);
        assertThat(SmsSegments.count("€".repeat(81))).isEqualTo(2);
    }

    @Test
    void aSpanishTextWithAccentsIsUcs2() {
        var text = "Hola Lucía, tu pedido 1050 está en camino con SEUR. Síguelo aquí: https://shop.example/t/SE123";
        assertThat(text.length()).isBetween(71, 134);

        assertThat(SmsSegments.count(text)).isEqualTo(2);
        assertThat(SmsSegments.count("Hola Lucía")).isEqualTo(1);
        assertThat(SmsSegments.count("¿Qué tal? ñ ¡Sí!")).isEqualTo(1); // ¿ ñ ¡ are GSM-7, é is not: UCS-2, in one part
    }
}
