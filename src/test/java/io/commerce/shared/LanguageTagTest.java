package io.commerce.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LanguageTagTest {

    @Test
    void canonicalisesWellFormedTags() {
        assertThat(LanguageTag.parse("pt-br").value()).isEqualTo("pt-BR");
        assertThat(LanguageTag.parse("ES").value()).isEqualTo("es");
    }

    @Test
    void refusesMalformedTags() {
        assertThatThrownBy(() -> LanguageTag.parse("12$")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> LanguageTag.parse("x-private")).isInstanceOf(InvalidValueException.class);
    }
}
