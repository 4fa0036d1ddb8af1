package io.commerce.journey;

import io.commerce.shared.ShopId;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class JourneyController {

    private final JourneyService journeys;

    JourneyController(JourneyService journeys) {
        this.journeys = journeys;
    }

    @GetMapping("/api/v1/journeys")
    List<JourneyView> listJourneys() {
        return journeys.journeys();
    }

    @GetMapping("/api/v1/journeys/{name}")
    JourneyView getJourney(@PathVariable @Size(max = 64) String name) {
        return journeys.journey(name);
    }

    @GetMapping("/api/v1/customers/{customerId}/timeline")
    Timeline getTimeline(@PathVariable @ShopId String customerId) {
        return journeys.timeline(customerId);
    }
}
