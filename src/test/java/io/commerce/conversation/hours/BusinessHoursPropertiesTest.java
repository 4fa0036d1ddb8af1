package io.commerce.conversation.hours;

import static io.commerce.conversation.hours.Calendars.madrid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commerce.shared.InvalidValueException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The default hours, before anyone sets them: office hours in UTC unless configured otherwise. */
class BusinessHoursPropertiesTest {

    @Test
    void withoutAWeekTheDefaultIsMondayToFridayNineToSixInTheConfiguredZone() {
        var calendar =
                OpeningHoursRules.calendar(new BusinessHoursProperties("UTC", null, Duration.ofSeconds(5)).defaults());

        assertThat(calendar.zone().getId()).isEqualTo("UTC");
        assertThat(calendar.isOpen(Instant.parse("2026-12-04T09:00:00Z"))).isTrue(); // Friday
        assertThat(calendar.isOpen(Instant.parse("2026-12-04T18:00:00Z"))).isFalse();
        assertThat(calendar.isOpen(Instant.parse("2026-12-05T12:00:00Z"))).isFalse(); // Saturday
    }

    @Test
    void aConfiguredWeekReplacesTheWholeDefaultWeek() {
        var calendar = OpeningHoursRules.calendar(new BusinessHoursProperties(
                        "Europe/Madrid", Map.of("sat", List.of("10:00-14:00", "17:00-20:30")), Duration.ofSeconds(5))
                .defaults());

        assertThat(calendar.isOpen(madrid("2026-12-05T18:00"))).isTrue();
        assertThat(calendar.isOpen(madrid("2026-12-05T15:00"))).isFalse();
        assertThat(calendar.isOpen(madrid("2026-12-04T12:00"))).isFalse(); // Friday is not named
    }

    @Test
    void aMalformedDefaultIsRefusedNamingTheDay() {
        var properties = new BusinessHoursProperties("UTC", Map.of("mon", List.of("09:00 to 18:00")), Duration.ZERO);

        assertThatThrownBy(() -> OpeningHoursRules.calendar(properties.defaults()))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field())
                .isEqualTo("weekly.mon[0]");
    }
}
