package io.commerce.conversation.hours;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The shop's business hours as an immutable calendar: a weekly pattern of shifts (split shifts allowed) in
 * the shop's time zone, minus whole closure days. Answers whether the shop is open, when it opens next, how
 * much business time passed between two instants (service-level clocks that pause at night, at weekends and
 * on closure days) and which closed period an instant falls in (so the away message goes once per period).
 * Every answer is in real elapsed time: a shift on the day the clocks change lasts what it really lasts.
 * Get the current one from {@link BusinessHours#calendar()}.
 */
public final class BusinessCalendar {

    /** How far {@link #nextOpening} looks ahead and {@link #closedSince} looks back, in days. */
    static final int HORIZON_DAYS = 366;

    private record Interval(Instant start, Instant end) {}

    private final ZoneId zone;
    private final Map<DayOfWeek, List<Shift>> weekly;
    private final Map<LocalDate, String> closures;

    /**
     * @param weekly the shifts of each day of the week, sorted and not overlapping; a missing day is closed
     * @param closures closed dates with their reason ({@code ""} when none was given)
     */
    BusinessCalendar(ZoneId zone, Map<DayOfWeek, List<Shift>> weekly, Map<LocalDate, String> closures) {
        this.zone = zone;
        var days = new EnumMap<DayOfWeek, List<Shift>>(DayOfWeek.class);
        for (var day : DayOfWeek.values()) {
            days.put(day, List.copyOf(weekly.getOrDefault(day, List.of())));
        }
        this.weekly = Collections.unmodifiableMap(days);
        this.closures = Collections.unmodifiableMap(new TreeMap<>(closures));
    }

    /** The shop's time zone: shifts and closure dates are local to it. */
    public ZoneId zone() {
        return zone;
    }

    /** Whether {@code at} falls inside a shift (start included, end excluded) on a day that is not closed. */
    public boolean isOpen(Instant at) {
        var day = LocalDate.ofInstant(at, zone);
        for (var d = day.minusDays(1); !d.isAfter(day.plusDays(1)); d = d.plusDays(1)) {
            for (var interval : intervalsOn(d)) {
                if (!at.isBefore(interval.start()) && at.isBefore(interval.end())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The start of the first shift beginning at or after {@code at}, skipping closure days, in the shop's
     * zone; empty when the shop never opens within {@value #HORIZON_DAYS} days. While the shop is open this
     * is the start of the following shift, not of the current one.
     */
    public Optional<ZonedDateTime> nextOpening(Instant at) {
        var first = LocalDate.ofInstant(at, zone).minusDays(1);
        for (int i = 0; i <= HORIZON_DAYS + 1; i++) {
            for (var interval : intervalsOn(first.plusDays(i))) {
                if (!interval.start().isBefore(at)) {
                    return Optional.of(interval.start().atZone(zone));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The time between {@code from} and {@code to} that lies inside shifts: nights, closed days of the week
     * and closure days do not count. Exact real time across clock changes. Zero when {@code to} is not after
     * {@code from}.
     */
    public Duration businessTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        var total = Duration.ZERO;
        var last = LocalDate.ofInstant(to, zone).plusDays(1);
        for (var d = LocalDate.ofInstant(from, zone).minusDays(1); !d.isAfter(last); d = d.plusDays(1)) {
            for (var interval : intervalsOn(d)) {
                var start = interval.start().isAfter(from) ? interval.start() : from;
                var end = interval.end().isBefore(to) ? interval.end() : to;
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /**
     * Identifies the closed period {@code at} falls in: the instant the shop closed, that is the end of the
     * last shift before {@code at}. Every instant of one closed period (a night, a weekend, a closure day
     * and the nights around it) gives the same value, so the away message can be sent once per conversation
     * per closed period by remembering it. Empty while the shop is open. When no shift ended within the
     * last {@value #HORIZON_DAYS} days, {@link Instant#EPOCH} stands for "closed for a long time".
     */
    public Optional<Instant> closedSince(Instant at) {
        if (isOpen(at)) {
            return Optional.empty();
        }
        var first = LocalDate.ofInstant(at, zone).plusDays(1);
        for (int i = 0; i <= HORIZON_DAYS + 1; i++) {
            var intervals = intervalsOn(first.minusDays(i));
            for (int j = intervals.size() - 1; j >= 0; j--) {
                if (!intervals.get(j).end().isAfter(at)) {
                    return Optional.of(intervals.get(j).end());
                }
            }
        }
        return Optional.of(Instant.EPOCH);
    }

    /** Whether {@code date} (in the shop's zone) is a closure day. */
    public boolean isClosureDay(LocalDate date) {
        return closures.containsKey(date);
    }

    /** Why the shop is closed on {@code date}, when it is a closure day and a reason was given. */
    public Optional<String> closureReason(LocalDate date) {
        return Optional.ofNullable(closures.get(date)).filter(reason -> !reason.isBlank());
    }

    /** The shifts of each day of the week (every day present, closed days empty). */
    Map<DayOfWeek, List<Shift>> weekly() {
        return weekly;
    }

    /** Closure dates in order, with their reason ({@code ""} when none). */
    Map<LocalDate, String> closures() {
        return closures;
    }

    private List<Interval> intervalsOn(LocalDate day) {
        if (closures.containsKey(day)) {
            return List.of();
        }
        var intervals = new ArrayList<Interval>();
        for (var shift : weekly.get(day.getDayOfWeek())) {
            var interval = new Interval(shift.startOn(day, zone), shift.endOn(day, zone));
            if (interval.end().isAfter(interval.start())) {
                intervals.add(interval);
            }
        }
        return intervals;
    }
}
