package io.commerce.messaging.guardrails;

import static org.assertj.core.api.Assertions.assertThat;

import io.commerce.shared.Purpose;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GuardrailsTest {

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private final Guardrails.QuietHours quiet = new Guardrails.QuietHours(LocalTime.of(21, 0), LocalTime.of(9, 0));
    private final Guardrails.FrequencyCap cap = new Guardrails.FrequencyCap(2, Duration.ofDays(7));
    private final Guardrails.MinimumGap gap = new Guardrails.MinimumGap(Duration.ofHours(1));
    private final Guardrails guardrails = new Guardrails(quiet, cap, gap);

    @Test
    void quietHoursAcrossMidnightDeferToNineInTheCustomersZone() {
        var lateEvening = Instant.parse("2026-11-23T21:30:00Z"); // 22:30 in Madrid
        var earlyMorning = Instant.parse("2026-11-24T06:00:00Z"); // 07:00 in Madrid
        var noon = Instant.parse("2026-11-24T11:00:00Z");

        assertThat(quiet.holdUntil(lateEvening, MADRID)).contains(Instant.parse("2026-11-24T08:00:00Z"));
        assertThat(quiet.holdUntil(earlyMorning, MADRID)).contains(Instant.parse("2026-11-24T08:00:00Z"));
        assertThat(quiet.holdUntil(noon, MADRID)).isEmpty();
        assertThat(quiet.holdUntil(lateEvening, ZoneId.of("America/New_York"))).isEmpty(); // 16:30 there
    }

    @Test
    void quietHoursWithinOneDayWork_too() {
        var lunch = new Guardrails.QuietHours(LocalTime.of(13, 0), LocalTime.of(15, 0));
        assertThat(lunch.holdUntil(Instant.parse("2026-11-24T13:30:00Z"), ZoneId.of("UTC")))
                .contains(Instant.parse("2026-11-24T15:00:00Z"));
        assertThat(lunch.holdUntil(Instant.parse("2026-11-24T16:00:00Z"), ZoneId.of("UTC")))
                .isEmpty();
    }

    @Test
    void theFrequencyCapWaitsForTheOldestSendToLeaveThePeriod() {
        var first = Instant.parse("2026-11-20T10:00:00Z");
        var second = Instant.parse("2026-11-22T10:00:00Z");

        assertThat(cap.holdUntil(List.of(second))).isEmpty();
        assertThat(cap.holdUntil(List.of(first, second))).contains(first.plus(Duration.ofDays(7)));
    }

    @Test
    void theMinimumGapCountsFromTheLastMessage() {
        var now = Instant.parse("2026-11-24T12:00:00Z");
        assertThat(gap.holdUntil(now, Optional.of(now.minusSeconds(600)))).contains(now.plusSeconds(3000));
        assertThat(gap.holdUntil(now, Optional.of(now.minusSeconds(7200)))).isEmpty();
        assertThat(gap.holdUntil(now, Optional.empty())).isEmpty();
    }

    @Test
    void transactionalMessagesAreExemptAndTheLatestHoldWins() {
        var lateEvening = Instant.parse("2026-11-23T21:30:00Z");
        var recent = List.of(Instant.parse("2026-11-20T10:00:00Z"), Instant.parse("2026-11-23T21:00:00Z"));

        assertThat(guardrails.check(
                        Purpose.TRANSACTIONAL, lateEvening, MADRID, recent, Optional.of(lateEvening), false))
                .isEmpty();
        assertThat(guardrails.check(Purpose.MARKETING, lateEvening, MADRID, recent, Optional.of(lateEvening), false))
                .contains(new Guardrails.Hold("FREQUENCY_CAP", Instant.parse("2026-11-27T10:00:00Z")));
    }

    @Test
    void aCustomerInAConversationIsAnsweredAtOnceUnlessTheFrequencyCapIsReached() {
        var lateEvening = Instant.parse("2026-11-23T21:30:00Z"); // quiet hours in Madrid
        var justNow = Optional.of(lateEvening.minusSeconds(60)); // our last message: inside the least gap
        var oneThisWeek = List.of(Instant.parse("2026-11-20T10:00:00Z"));

        assertThat(guardrails.check(Purpose.MARKETING, lateEvening, MADRID, oneThisWeek, justNow, false))
                .map(Guardrails.Hold::reason)
                .contains("QUIET_HOURS");
        assertThat(guardrails.check(Purpose.MARKETING, lateEvening, MADRID, oneThisWeek, justNow, true))
                .isEmpty();

        var twoThisWeek = List.of(Instant.parse("2026-11-20T10:00:00Z"), Instant.parse("2026-11-22T10:00:00Z"));
        assertThat(guardrails.check(Purpose.MARKETING, lateEvening, MADRID, twoThisWeek, justNow, true))
                .contains(new Guardrails.Hold("FREQUENCY_CAP", Instant.parse("2026-11-27T10:00:00Z")));
    }
}
