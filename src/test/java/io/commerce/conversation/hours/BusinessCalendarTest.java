package io.commerce.conversation.hours;

import static io.commerce.conversation.hours.Calendars.calendar;
import static io.commerce.conversation.hours.Calendars.madrid;
import static io.commerce.conversation.hours.Calendars.madridWeekdays;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Madrid hours: 2026-11-30 is a Monday, 2026-12-25 (Friday) a closure day; clocks change on 29 March and 25 October 2026. */
class BusinessCalendarTest {

    private final BusinessCalendar weekdays = madridWeekdays();

    @Test
    void isOpenInsideEitherShiftOfASplitDayButNotOverLunchNorAtAShiftsEnd() {
        assertThat(weekdays.isOpen(madrid("2026-11-30T08:59:59"))).isFalse();
        assertThat(weekdays.isOpen(madrid("2026-11-30T09:00"))).isTrue();
        assertThat(weekdays.isOpen(madrid("2026-11-30T13:59:59"))).isTrue();
        assertThat(weekdays.isOpen(madrid("2026-11-30T14:00"))).isFalse();
        assertThat(weekdays.isOpen(madrid("2026-11-30T14:30"))).isFalse();
        assertThat(weekdays.isOpen(madrid("2026-11-30T15:00"))).isTrue();
        assertThat(weekdays.isOpen(madrid("2026-11-30T18:00"))).isFalse();
    }

    @Test
    void isClosedAllWeekendAndOnAClosureDay() {
        assertThat(weekdays.isOpen(madrid("2026-12-05T10:00"))).isFalse();
        assertThat(weekdays.isOpen(madrid("2026-12-06T10:00"))).isFalse();
        assertThat(weekdays.isOpen(madrid("2026-12-25T10:00"))).isFalse();
        assertThat(weekdays.isOpen(madrid("2026-12-24T10:00"))).isTrue();
    }

    @Test
    void nextOpeningIsLaterTodayTheNextMorningOrMondayAfterAWeekend() {
        assertThat(weekdays.nextOpening(madrid("2026-11-30T07:00"))).contains(at("2026-11-30T09:00"));
        assertThat(weekdays.nextOpening(madrid("2026-11-30T14:10"))).contains(at("2026-11-30T15:00"));
        assertThat(weekdays.nextOpening(madrid("2026-11-30T19:00"))).contains(at("2026-12-01T09:00"));
        assertThat(weekdays.nextOpening(madrid("2026-12-04T18:00"))).contains(at("2026-12-07T09:00"));
        assertThat(weekdays.nextOpening(madrid("2026-12-06T23:59"))).contains(at("2026-12-07T09:00"));
    }

    @Test
    void nextOpeningStartingExactlyNowIsThatShift() {
        assertThat(weekdays.nextOpening(madrid("2026-11-30T15:00"))).contains(at("2026-11-30T15:00"));
    }

    @Test
    void nextOpeningSkipsAClosureDayAndTheWeekendAfterIt() {
        assertThat(weekdays.nextOpening(madrid("2026-12-24T18:30"))).contains(at("2026-12-28T09:00"));
        assertThat(weekdays.nextOpening(madrid("2026-12-25T08:00"))).contains(at("2026-12-28T09:00"));
    }

    @Test
    void nextOpeningIsEmptyForAShopThatNeverOpens() {
        var never = calendar("Europe/Madrid", Map.of());

        assertThat(never.nextOpening(madrid("2026-11-30T10:00"))).isEmpty();
        assertThat(never.isOpen(madrid("2026-11-30T10:00"))).isFalse();
    }

    @Test
    void businessTimeCountsOnlyShiftsAcrossLunchAndANight() {
        assertThat(weekdays.businessTimeBetween(madrid("2026-11-30T13:30"), madrid("2026-11-30T15:30")))
                .isEqualTo(Duration.ofMinutes(60));
        assertThat(weekdays.businessTimeBetween(madrid("2026-11-30T17:00"), madrid("2026-12-01T10:00")))
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void businessTimePausesOverAWeekend() {
        assertThat(weekdays.businessTimeBetween(madrid("2026-12-04T17:30"), madrid("2026-12-07T09:15")))
                .isEqualTo(Duration.ofMinutes(45));
    }

    @Test
    void businessTimePausesOnAClosureDay() {
        // Thursday 24th 17:00 to Monday 28th 10:00: one hour on Thursday, Christmas and the weekend closed
        assertThat(weekdays.businessTimeBetween(madrid("2026-12-24T17:00"), madrid("2026-12-28T10:00")))
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void businessTimeOfAWholeWeekIsEveryShift() {
        assertThat(weekdays.businessTimeBetween(madrid("2026-11-30T00:00"), madrid("2026-12-07T00:00")))
                .isEqualTo(Duration.ofHours(5 * 8));
    }

    @Test
    void businessTimeIsZeroWhenTheEndIsNotAfterTheStart() {
        var instant = madrid("2026-11-30T10:00");

        assertThat(weekdays.businessTimeBetween(instant, instant)).isZero();
        assertThat(weekdays.businessTimeBetween(instant, instant.minusSeconds(60)))
                .isZero();
    }

    @Test
    void aShiftSpanningTheSpringClockChangeLastsTheHourLess() {
        var nights = calendar("Europe/Madrid", Map.of("sun", List.of(List.of("00:00", "06:00"))));

        assertThat(nights.businessTimeBetween(madrid("2026-03-29T00:00"), madrid("2026-03-30T00:00")))
                .isEqualTo(Duration.ofHours(5));
        assertThat(nights.isOpen(Instant.parse("2026-03-29T01:30:00Z"))).isTrue(); // 03:30 CEST
        assertThat(nights.isOpen(Instant.parse("2026-03-29T04:00:00Z"))).isFalse(); // 06:00 CEST
    }

    @Test
    void aShiftSpanningTheAutumnClockChangeLastsTheHourMore() {
        var nights = calendar("Europe/Madrid", Map.of("sun", List.of(List.of("00:00", "06:00"))));

        assertThat(nights.businessTimeBetween(madrid("2026-10-25T00:00"), madrid("2026-10-26T00:00")))
                .isEqualTo(Duration.ofHours(7));
        assertThat(nights.isOpen(Instant.parse("2026-10-25T04:59:59Z"))).isTrue(); // 05:59:59 CET
    }

    @Test
    void aShiftStartingInsideTheSkippedHourStartsWhenTheClockResumes() {
        var early = calendar("Europe/Madrid", Map.of("sun", List.of(List.of("02:30", "04:00"))));

        assertThat(early.nextOpening(madrid("2026-03-28T12:00")))
                .map(ZonedDateTime::toInstant)
                .contains(Instant.parse("2026-03-29T01:30:00Z"));
        assertThat(early.businessTimeBetween(madrid("2026-03-29T00:00"), madrid("2026-03-30T00:00")))
                .isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void theSameLocalOpeningTimeIsADifferentUtcInstantEitherSideOfAClockChange() {
        assertThat(weekdays.nextOpening(madrid("2026-03-27T19:00")))
                .map(ZonedDateTime::toInstant)
                .contains(Instant.parse("2026-03-30T07:00:00Z"));
        assertThat(weekdays.nextOpening(madrid("2026-10-23T19:00")))
                .map(ZonedDateTime::toInstant)
                .contains(Instant.parse("2026-10-26T08:00:00Z"));
    }

    @Test
    void businessTimeOverAClockChangeWeekendIsStillEightHoursADay() {
        assertThat(weekdays.businessTimeBetween(madrid("2026-10-23T00:00"), madrid("2026-10-27T00:00")))
                .isEqualTo(Duration.ofHours(16));
    }

    @Test
    void aShiftMayEndAtMidnight() {
        var late = calendar("Europe/Madrid", Map.of("fri", List.of(List.of("20:00", "24:00"))));

        assertThat(late.isOpen(madrid("2026-12-04T23:59:59"))).isTrue();
        assertThat(late.isOpen(madrid("2026-12-05T00:00"))).isFalse();
        assertThat(late.closedSince(madrid("2026-12-05T08:00"))).contains(madrid("2026-12-05T00:00"));
    }

    @Test
    void closedSinceIsTheSameThroughoutOneNight() {
        var closedAt = madrid("2026-11-30T18:00");

        assertThat(weekdays.closedSince(madrid("2026-11-30T18:00"))).contains(closedAt);
        assertThat(weekdays.closedSince(madrid("2026-11-30T23:00"))).contains(closedAt);
        assertThat(weekdays.closedSince(madrid("2026-12-01T08:59"))).contains(closedAt);
    }

    @Test
    void closedSinceIsTheSameThroughoutAWeekendAndAClosureDayJoinedToIt() {
        var christmasEveClose = madrid("2026-12-24T18:00");

        assertThat(weekdays.closedSince(madrid("2026-12-25T10:00"))).contains(christmasEveClose);
        assertThat(weekdays.closedSince(madrid("2026-12-27T12:00"))).contains(christmasEveClose);
        assertThat(weekdays.closedSince(madrid("2026-12-28T08:00"))).contains(christmasEveClose);
    }

    @Test
    void closedSinceTellsLunchFromTheNightBefore() {
        assertThat(weekdays.closedSince(madrid("2026-11-30T14:30"))).contains(madrid("2026-11-30T14:00"));
        assertThat(weekdays.closedSince(madrid("2026-11-30T08:00"))).contains(madrid("2026-11-27T18:00"));
    }

    @Test
    void closedSinceIsEmptyWhileOpenAndTheEpochForAShopThatNeverOpened() {
        assertThat(weekdays.closedSince(madrid("2026-11-30T10:00"))).isEmpty();
        assertThat(calendar("UTC", Map.of()).closedSince(madrid("2026-11-30T10:00")))
                .contains(Instant.EPOCH);
    }

    @Test
    void closureDaysAreKnownWithTheirReason() {
        assertThat(weekdays.isClosureDay(LocalDate.parse("2026-12-25"))).isTrue();
        assertThat(weekdays.closureReason(LocalDate.parse("2026-12-25"))).contains("Navidad");
        assertThat(weekdays.isClosureDay(LocalDate.parse("2026-12-24"))).isFalse();
        assertThat(weekdays.closureReason(LocalDate.parse("2026-12-24"))).isEmpty();
    }

    @Test
    void theZoneIsTheShops() {
        assertThat(weekdays.zone()).isEqualTo(Calendars.MADRID);
    }

    private static ZonedDateTime at(String madridLocal) {
        return madrid(madridLocal).atZone(Calendars.MADRID);
    }
}
