package io.commerce.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"+34 612 345 678", "+34612345678", "0034 612 345 678", "(+34) 612-345-678"})
    void parsesCommonNotationsToE164(String text) {
        assertThat(PhoneNumber.parse(text, null).e164()).isEqualTo("+34612345678");
    }

    @Test
    void usesTheDefaultRegionForNationalNumbers() {
        assertThat(PhoneNumber.parse("06 12345678", "NL").e164()).isEqualTo("+31612345678");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "612345678", "+34 12", "+999 1234567", "not a phone"})
    void refusesInvalidNumbers(String text) {
        assertThatThrownBy(() -> PhoneNumber.parse(text, null))
                .isInstanceOf(InvalidPhoneNumberException.class)
                .extracting("code")
                .isEqualTo("INVALID_PHONE_NUMBER");
    }

    @Test
    void masksTheMiddleForLogs() {
        var phone = PhoneNumber.parse("+34612345678", null);
        assertThat(phone.masked()).isEqualTo("+34******678");
        assertThat(phone.toString()).doesNotContain("612345");
    }

    @Test
    void infersTheTimeZoneFromTheCountry() {
        assertThat(PhoneNumber.parse("+31612345678", null).timeZones()).containsExactly(ZoneId.of("Europe/Amsterdam"));
        assertThat(PhoneNumber.parse("+34612345678", null).timeZones()).contains(ZoneId.of("Europe/Madrid"));
        assertThat(PhoneNumber.parse("+34612345678", null).region()).isEqualTo("ES");
    }
}
