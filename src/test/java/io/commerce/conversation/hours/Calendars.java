package io.commerce.conversation.hours;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Calendars built the way the API builds them, and instants written as the shop's local time. */
final class Calendars {

    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    static final List<List<String>> SPLIT = List.of(List.of("09:00", "14:00"), List.of("15:00", "18:00"));

    private Calendars() {}

    /** Madrid, Monday to Friday 09:00-14:00 and 15:00-18:00, closed at weekends and on Christmas Day 2026. */
    static BusinessCalendar madridWeekdays() {
        return calendar(
                "Europe/Madrid",
                Map.of("mon", SPLIT, "tue", SPLIT, "wed", SPLIT, "thu", SPLIT, "fri", SPLIT),
                new OpeningHours.ClosureDay(LocalDate.parse("2026-12-25"), "Navidad"));
    }

    static BusinessCalendar calendar(
            String zone, Map<String, List<List<String>>> weekly, OpeningHours.ClosureDay... closures) {
        return OpeningHoursRules.calendar(new OpeningHours(zone, weekly, List.of(closures)));
    }

    /** {@code "2026-11-30T10:00"} in Madrid, as an instant. */
    static Instant madrid(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(MADRID).toInstant();
    }
}
