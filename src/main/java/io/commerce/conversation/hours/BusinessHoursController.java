package io.commerce.conversation.hours;

import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class BusinessHoursController {

    private final BusinessHours hours;

    BusinessHoursController(BusinessHours hours) {
        this.hours = hours;
    }

    /**
     * Replaces the shop's business hours: the weekly shifts (split shifts allowed) in the shop's time zone and
     * the closure days. Outside them customers get the away message and service-level clocks pause.
     */
    @PutMapping("/api/v1/business-hours")
    OpeningHours replaceBusinessHours(@Valid @RequestBody OpeningHours openingHours) {
        return hours.replace(openingHours);
    }

    /** The shop's business hours; the configured default until they are set. Every day is listed. */
    @GetMapping("/api/v1/business-hours")
    OpeningHours getBusinessHours() {
        return hours.view();
    }
}
