package io.commerce.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Processes a verified webhook delivery and keeps its raw payload in one transaction, so the 200 goes out
 * only once both are durable (a crash before that makes the provider deliver again). A payload that
 * breaks processing is still kept, with the error, and still acknowledged: a provider's retry would
 * only break again.
 */
@Component
class WebhookIntake {

    private static final Logger log = LoggerFactory.getLogger(WebhookIntake.class);

    private final TransactionTemplate transaction;
    private final WebhookDeliveries deliveries;
    private final MessagingMetrics metrics;
    private final Clock clock;

    WebhookIntake(
            TransactionTemplate transaction, WebhookDeliveries deliveries, MessagingMetrics metrics, Clock clock) {
        this.transaction = transaction;
        this.deliveries = deliveries;
        this.metrics = metrics;
        this.clock = clock;
    }

    void take(String provider, byte[] body, Runnable processing) {
        var started = clock.instant();
        var payload = new String(body, StandardCharsets.UTF_8);
        String outcome;
        try {
            transaction.executeWithoutResult(status -> {
                processing.run();
                deliveries.processed(provider, payload);
            });
            outcome = "processed";
        } catch (RuntimeException e) {
            log.warn("a {} webhook could not be processed; kept for inspection: {}", provider, e.toString());
            deliveries.failed(provider, payload, e.toString());
            outcome = "failed";
        }
        metrics.webhook(provider, outcome, Duration.between(started, clock.instant()));
    }
}
