package io.commerce.conversation.hours;

import io.commerce.shared.InvalidValueException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads {@link OpeningHours} into a {@link BusinessCalendar} and back. Every rule broken is a 400 naming the
 * field at fault: an unknown time zone ({@code timezone}), an unknown day key ({@code weekly.monday}), a
 * malformed shift or time, a shift that does not end after it starts, overlapping shifts
 * ({@code weekly.mon[1]}), a closure date given twice ({@code closures[2].date}).
 */
final class OpeningHoursRules {

    /** The day keys of {@code weekly}, Monday first. */
    static final Map<String, DayOfWeek> DAYS = days();

    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):([0-5]\\d)|24:00");

    private OpeningHoursRules() {}

    static BusinessCalendar calendar(OpeningHours hours) {
        var zone = zone(hours.timezone());
        var weekly = new EnumMap<DayOfWeek, List<Shift>>(DayOfWeek.class);
        hours.weekly().forEach((key, shifts) -> {
            var day = DAYS.get(key);
            if (day == null) {
                throw new InvalidValueException(
                        "weekly." + key, "'%s' is not a day; use %s".formatted(key, String.join(", ", DAYS.keySet())));
            }
            weekly.put(day, shifts(key, shifts == null ? List.of() : shifts));
        });
        var closures = new HashMap<LocalDate, String>();
        for (int i = 0; i < hours.closures().size(); i++) {
            var closure = hours.closures().get(i);
            var reason = closure.reason() == null ? "" : closure.reason().strip();
            if (closures.putIfAbsent(closure.date(), reason) != null) {
                throw new InvalidValueException(
                        "closures[%d].date".formatted(i), "%s is listed twice".formatted(closure.date()));
            }
        }
        return new BusinessCalendar(zone, weekly, closures);
    }

    /** The calendar as the API shows it: every day present, closed days with no shifts. */
    static OpeningHours view(BusinessCalendar calendar) {
        var weekly = new LinkedHashMap<String, List<List<String>>>();
        DAYS.forEach((key, day) -> weekly.put(
                key,
                calendar.weekly().get(day).stream()
                        .map(shift -> List.of(shift.start(), shift.end()))
                        .toList()));
        var closures = calendar.closures().entrySet().stream()
                .map(closure -> new OpeningHours.ClosureDay(
                        closure.getKey(), closure.getValue().isEmpty() ? null : closure.getValue()))
                .toList();
        return new OpeningHours(calendar.zone().getId(), weekly, closures);
    }

    static ZoneId zone(String timezone) {
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException e) {
            throw new InvalidValueException(
                    "timezone",
                    "'%s' is not a known time zone (use an IANA name such as Europe/Madrid)".formatted(timezone));
        }
    }

    private static List<Shift> shifts(String key, List<List<String>> pairs) {
        var shifts = new ArrayList<Shift>();
        for (int i = 0; i < pairs.size(); i++) {
            var field = "weekly.%s[%d]".formatted(key, i);
            var pair = pairs.get(i);
            if (pair == null || pair.size() != 2) {
                throw new InvalidValueException(field, "a shift is a pair of times, e.g. [\"09:00\", \"14:00\"]");
            }
            int start = minute(field, pair.get(0));
            int end = minute(field, pair.get(1));
            if (start == Shift.MINUTES_PER_DAY || end <= start) {
                throw new InvalidValueException(
                        field, "the shift must end after it starts (%s-%s)".formatted(pair.get(0), pair.get(1)));
            }
            var shift = new Shift(start, end);
            for (int j = 0; j < shifts.size(); j++) {
                if (shifts.get(j).overlaps(shift)) {
                    throw new InvalidValueException(
                            field,
                            "the shift %s-%s overlaps weekly.%s[%d]".formatted(pair.get(0), pair.get(1), key, j));
                }
            }
            shifts.add(shift);
        }
        shifts.sort(Comparator.comparingInt(Shift::startMinute));
        return shifts;
    }

    private static int minute(String field, String time) {
        var matcher = time == null ? null : TIME.matcher(time);
        if (matcher == null || !matcher.matches()) {
            throw new InvalidValueException(
                    field, "'%s' is not a time of day as HH:mm (00:00 to 24:00)".formatted(time));
        }
        if (matcher.group(1) == null) {
            return Shift.MINUTES_PER_DAY;
        }
        return Integer.parseInt(matcher.group(1)) * 60 + Integer.parseInt(matcher.group(2));
    }

    private static Map<String, DayOfWeek> days() {
        var days = new LinkedHashMap<String, DayOfWeek>();
        for (var day : DayOfWeek.values()) {
            days.put(day.name().substring(0, 3).toLowerCase(Locale.ROOT), day);
        }
        return Collections.unmodifiableMap(days);
    }
}
