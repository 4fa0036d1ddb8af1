package io.commerce.conversation.levels;

import io.commerce.shared.InvalidValueException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ServiceLevelController {

    private final ServiceLevelReports reports;
    private final Clock clock;

    ServiceLevelController(ServiceLevelReports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    /**
     * First response and resolution times (business hours only) and ratings, overall and per agent, of the
     * conversations opened between {@code from} (default: 30 days ago) and {@code to} (default: now).
     */
    @GetMapping("/api/v1/service-levels")
    ServiceLevelReport getServiceLevels(
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to) {
        var end = to == null ? clock.instant() : to;
        var start = from == null ? end.minus(Duration.ofDays(30)) : from;
        if (!start.isBefore(end)) {
            throw new InvalidValueException("from", "must be before to");
        }
        return reports.report(start, end);
    }
}
