package io.commerce.conversation.hours;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * One stretch of a day the shop is open, in minutes after local midnight, the end excluded ({@code 1440} is
 * the midnight that ends the day, written {@code "24:00"}). On a day when the clocks change, a local time
 * the zone skips moves forward with the gap (as {@link ZonedDateTime#of} does), so a shift lasts the real
 * time between its two ends.
 */
record Shift(int startMinute, int endMinute) {

    static final int MINUTES_PER_DAY = 24 * 60;

    Shift {
        if (startMinute < 0 || endMinute > MINUTES_PER_DAY || endMinute <= startMinute) {
            throw new IllegalArgumentException("not a shift: " + startMinute + "-" + endMinute);
        }
    }

    Instant startOn(LocalDate day, ZoneId zone) {
        return at(day, startMinute, zone);
    }

    Instant endOn(LocalDate day, ZoneId zone) {
        return at(day, endMinute, zone);
    }

    String start() {
        return format(startMinute);
    }

    String end() {
        return format(endMinute);
    }

    boolean overlaps(Shift other) {
        return startMinute < other.endMinute && other.startMinute < endMinute;
    }

    private static Instant at(LocalDate day, int minute, ZoneId zone) {
        if (minute == MINUTES_PER_DAY) {
            return day.plusDays(1).atStartOfDay(zone).toInstant();
        }
        return ZonedDateTime.of(day, LocalTime.ofSecondOfDay(minute * 60L), zone)
                .toInstant();
    }

    private static String format(int minute) {
        return "%02d:%02d".formatted(minute / 60, minute % 60);
    }
}
