package io.commerce.conversation.hours;

import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Business hours before anyone sets them with {@code PUT /api/v1/business-hours}, and how often each
 * instance re-reads them ({@code commerce.business-hours.*}).
 *
 * @param timezone the default's time zone
 * @param weekly the default's shifts by day key, each {@code "HH:mm-HH:mm"}; when not set, Monday to Friday
 *     09:00-18:00. Setting any day replaces the whole default week (days not named are closed).
 * @param refresh how long an instance uses the calendar it read before reading it again (a PUT on the same
 *     instance applies at once; other instances follow within this time)
 */
@Validated
@ConfigurationProperties("commerce.business-hours")
record BusinessHoursProperties(
        @NotBlank @DefaultValue("UTC") String timezone,
        Map<String, List<String>> weekly,
        @DefaultValue("PT5S") Duration refresh) {

    private static final List<String> OFFICE_HOURS = List.of("09:00-18:00");

    BusinessHoursProperties {
        if (weekly == null || weekly.isEmpty()) {
            weekly = Map.of(
                    "mon",
                    OFFICE_HOURS,
                    "tue",
                    OFFICE_HOURS,
                    "wed",
                    OFFICE_HOURS,
                    "thu",
                    OFFICE_HOURS,
                    "fri",
                    OFFICE_HOURS);
        }
    }

    /** The default hours, in the form the API takes (and with the same rules applied). */
    OpeningHours defaults() {
        var days = new LinkedHashMap<String, List<List<String>>>();
        weekly.forEach((day, shifts) -> days.put(
                day,
                shifts.stream()
                        .map(shift -> Arrays.asList(shift.split("-", -1)))
                        .toList()));
        return new OpeningHours(timezone, days, List.of());
    }
}
