package io.commerce.analytics;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;

/**
 * Tracked-link requests are measured by their own meter ({@code analytics.clicks} by channel and kind), not again
 * as {@code http.server.requests}: they come by the thousand, like webhooks (ADR 0018), and the generic
 * observation's per-request tags tell nothing the click meter does not.
 */
@Component
class LinkObservations implements ObservationPredicate {

    @Override
    public boolean test(String name, Observation.Context context) {
        return !(context instanceof ServerRequestObservationContext request
                && request.getCarrier().getRequestURI().startsWith("/r/"));
    }
}
