package io.commerce.messaging;

import io.commerce.messaging.channel.FailureKind;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Applies provider statuses from webhooks: deduplicated (each status once per message), only forward by
 * rank (a late delivered never undoes read), failed final; publishes the matching event when a message
 * moves, and hands failures to {@link Failures} for their consequences.
 */
@Component
class StatusUpdates {

    /** A status report as a webhook carries it, already mapped to our statuses. */
    record StatusReport(
            String providerMessageId,
            UUID ourId,
            MessageStatus status,
            Instant at,
            String errorCode,
            String errorTitle,
            FailureKind failureKind,
            String pricingCategory) {}

    private final Outbox outbox;
    private final Failures failures;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StatusUpdates(Outbox outbox, Failures failures, ApplicationEventPublisher events, Clock clock) {
        this.outbox = outbox;
        this.failures = failures;
        this.events = events;
        this.clock = clock;
    }

    /** Call inside a transaction; returns whether the message moved. */
    boolean apply(StatusReport report) {
        var moved = outbox.applyStatus(
                report.providerMessageId(),
                report.ourId(),
                report.status(),
                report.at(),
                report.errorCode(),
                report.errorTitle(),
                report.pricingCategory(),
                clock.instant());
        moved.ifPresent(row -> {
            var id = row.id().toString();
            switch (report.status()) {
                case SENT ->
                    events.publishEvent(new MessageSent(
                            id, row.customerId(), row.channel(), row.purpose(), row.templateKey(), report.at()));
                case DELIVERED ->
                    events.publishEvent(new MessageDelivered(
                            id, row.customerId(), row.channel(), row.purpose(), row.templateKey(), report.at()));
                case READ ->
                    events.publishEvent(new MessageRead(
                            id, row.customerId(), row.channel(), row.purpose(), row.templateKey(), report.at()));
                case FAILED -> failures.reportedFailed(row, report.errorCode(), report.failureKind());
                default -> {}
            }
        });
        return moved.isPresent();
    }
}
