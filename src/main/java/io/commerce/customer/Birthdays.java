package io.commerce.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Whose birthday morning comes when, in each customer's own time zone. A 29 February birthday is celebrated on
 * 28 February in other years. Customers are found by the month and day of their birthday (an index), only those
 * whose date can be the local date somewhere during the period.
 */
@Repository
class Birthdays {

    private static final MonthDay LEAP_DAY = MonthDay.of(2, 29);

    private final JdbcClient jdbc;
    private final ZoneId defaultZone;

    Birthdays(JdbcClient jdbc, CustomerProperties properties) {
        this.jdbc = jdbc;
        this.defaultZone = properties.defaultTimezone();
    }

    /** The customers whose birthday's {@code morning} (local time) falls after {@code from}, up to {@code to}. */
    List<BirthdayDue> between(Instant from, Instant to, LocalTime morning) {
        if (!to.isAfter(from)) {
            return List.of();
        }
        // every zone's local date lies within a day of the UTC date
        var first = LocalDate.ofInstant(from, ZoneOffset.UTC).minusDays(1);
        var utcLast = LocalDate.ofInstant(to, ZoneOffset.UTC).plusDays(1);
        // a longer period holds every date anyway
        var last = first.plusDays(370).isBefore(utcLast) ? first.plusDays(370) : utcLast;
        var monthDays = new LinkedHashSet<Integer>();
        for (var day = first; !day.isAfter(last); day = day.plusDays(1)) {
            monthDays.add(day.getMonthValue() * 100 + day.getDayOfMonth());
            if (day.getMonthValue() == 2 && day.getDayOfMonth() == 28 && !day.isLeapYear()) {
                monthDays.add(229);
            }
        }
        var due = new ArrayList<BirthdayDue>();
        jdbc.sql("""
                        select id, birthday, timezone from customer
                         where (extract(month from birthday) * 100 + extract(day from birthday)) = any(:monthDays)
                           and birthday is not null and erased_at is null and created_at is not null
                        """).param("monthDays", monthDays.toArray(Integer[]::new)).query(rs -> {
            var birthday = rs.getObject("birthday", LocalDate.class);
            var zone = rs.getString("timezone") == null ? defaultZone : ZoneId.of(rs.getString("timezone"));
            for (var year = first.getYear(); year <= utcLast.getYear(); year++) {
                var morningAt =
                        celebrated(birthday, year).atTime(morning).atZone(zone).toInstant();
                if (morningAt.isAfter(from) && !morningAt.isAfter(to)) {
                    due.add(new BirthdayDue(rs.getString("id"), year, morningAt));
                }
            }
        });
        return due;
    }

    /** The date a birthday is celebrated in a year: 29 February on 28 February outside leap years. */
    static LocalDate celebrated(LocalDate birthday, int year) {
        var day = MonthDay.from(birthday);
        return day.equals(LEAP_DAY) && !Year.isLeap(year) ? LocalDate.of(year, 2, 28) : day.atYear(year);
    }
}
