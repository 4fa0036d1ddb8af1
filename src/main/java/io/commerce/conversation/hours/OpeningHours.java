package io.commerce.conversation.hours;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The shop's business hours as {@code PUT} and {@code GET /api/v1/business-hours} carry them: a time zone,
 * the shifts of each day of the week as {@code ["HH:mm", "HH:mm"]} pairs ({@code "24:00"} may end a day),
 * and whole closure days. A day left out, or with no shifts, is closed.
 *
 * @param timezone IANA time zone the shifts and closure dates are read in, e.g. {@code Europe/Madrid}
 * @param weekly shifts by day ({@code mon}, {@code tue}, {@code wed}, {@code thu}, {@code fri}, {@code sat},
 *     {@code sun}); two shifts make a split day, e.g. {@code [["09:00","14:00"],["15:00","18:00"]]}
 * @param closures dates (in the shop's zone) the shop stays closed all day, each at most once
 */
record OpeningHours(
        @Schema(description = "IANA time zone of the shifts and closure dates", example = "Europe/Madrid")
        @NotBlank
        @Size(max = 64)
        String timezone,

        @Schema(
                description = "Shifts by day key (mon, tue, wed, thu, fri, sat, sun), each a pair of local"
                        + " times [\"HH:mm\", \"HH:mm\"], end excluded, \"24:00\" allowed as an end;"
                        + " a missing or empty day is closed",
                example = "{\"mon\": [[\"09:00\", \"14:00\"], [\"15:00\", \"18:00\"]], \"sun\": []}")
        @NotNull
        @Size(max = 7)
        Map<String, @Size(max = 12) List<List<String>>> weekly,

        @Size(max = 1000) List<@NotNull @Valid ClosureDay> closures) {

    /**
     * A day the shop is closed.
     *
     * @param date the local date in the shop's zone
     * @param reason why, in the shop's words; may be named in the away message ("Hoy cerramos por Navidad.")
     */
    record ClosureDay(
            @NotNull LocalDate date, @Size(max = 200) String reason) {}

    OpeningHours {
        closures = closures == null ? List.of() : closures;
    }
}
