package io.commerce.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/** Pages write a lift in percentage points signed, with the reader's decimal mark. */
class ConsoleFormatTest {

    private final ConsoleFormat format = new ConsoleFormat();

    @AfterEach
    void forgetTheLanguage() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void percentagePointsAreSignedInTheReadersNumbers() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(format.points(0.09375)).isEqualTo("+9.38");
        assertThat(format.points(-0.0072)).isEqualTo("-0.72");
        LocaleContextHolder.setLocale(Locale.of("es"));
        assertThat(format.points(-0.0072)).isEqualTo("-0,72");
        LocaleContextHolder.setLocale(Locale.of("nl"));
        assertThat(format.points(0.2)).isEqualTo("+20,00");
    }
}
