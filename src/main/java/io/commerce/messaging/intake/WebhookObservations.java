package io.commerce.messaging.intake;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;

/**
 * Webhook deliveries are measured by their own meters ({@code messaging.webhooks} by provider and outcome,
 * rejected signatures included, and {@code messaging.webhook.processing}), not again as {@code
 * http.server.requests}: at thousands of deliveries a second, the generic observation (tags built and sorted
 * per request) cost a tenth of the request's processor time and told nothing the own meters do not.
 */
@Component
class WebhookObservations implements ObservationPredicate {

    @Override
    public boolean test(String name, Observation.Context context) {
        return !(context instanceof ServerRequestObservationContext request
                && request.getCarrier().getRequestURI().startsWith("/webhooks/"));
    }
}
