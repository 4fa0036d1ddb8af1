package io.commerce.conversation.hours;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Reads and replaces the {@code business_hours}, {@code business_shift} and {@code business_closure} rows. */
@Repository
class BusinessHoursStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    BusinessHoursStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The stored calendar, or empty when nobody has set business hours yet. */
    @Transactional(readOnly = true)
    Optional<BusinessCalendar> load() {
        var timezone = jdbc.sql("select timezone from business_hours where id = 1")
                .query(String.class)
                .optional();
        if (timezone.isEmpty()) {
            return Optional.empty();
        }
        var weekly = new EnumMap<DayOfWeek, List<Shift>>(DayOfWeek.class);
        jdbc.sql("select day, start_minute, end_minute from business_shift order by day, start_minute")
                .query(rs -> {
                    weekly.computeIfAbsent(DayOfWeek.of(rs.getInt("day")), day -> new ArrayList<>())
                            .add(new Shift(rs.getInt("start_minute"), rs.getInt("end_minute")));
                });
        var closures = new LinkedHashMap<LocalDate, String>();
        jdbc.sql("select closure_date, reason from business_closure order by closure_date")
                .query(rs -> {
                    var reason = rs.getString("reason");
                    closures.put(rs.getObject("closure_date", LocalDate.class), reason == null ? "" : reason);
                });
        return Optional.of(new BusinessCalendar(OpeningHoursRules.zone(timezone.get()), weekly, closures));
    }

    /** Replaces the stored hours with {@code calendar}'s, all or nothing. */
    @Transactional
    void replace(BusinessCalendar calendar) {
        jdbc.sql("""
                        insert into business_hours (id, timezone, updated_at) values (1, :timezone, :now)
                        on conflict (id) do update set timezone = excluded.timezone, updated_at = excluded.updated_at""")
                .param("timezone", calendar.zone().getId())
                .param("now", Timestamp.from(clock.instant()))
                .update();
        jdbc.sql("delete from business_shift").update();
        jdbc.sql("delete from business_closure").update();
        calendar.weekly()
                .forEach((day, shifts) -> shifts.forEach(shift -> jdbc.sql(
                                "insert into business_shift (day, start_minute, end_minute) values (:day, :start, :end)")
                        .param("day", day.getValue())
                        .param("start", shift.startMinute())
                        .param("end", shift.endMinute())
                        .update()));
        calendar.closures()
                .forEach((date, reason) -> jdbc.sql(
                                "insert into business_closure (closure_date, reason) values (:date, :reason)")
                        .param("date", date)
                        .param("reason", reason.isEmpty() ? null : reason)
                        .update());
    }
}
