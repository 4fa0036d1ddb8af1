package io.commerce.messaging.intake;

import io.commerce.messaging.MessageDelivered;
import io.commerce.messaging.MessageRead;
import io.commerce.messaging.MessageSent;
import io.commerce.messaging.channel.StatusReport;
import io.commerce.messaging.dispatch.Failures;
import io.commerce.messaging.outbox.MessageReads;
import io.commerce.messaging.outbox.StatusLedger;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Applies provider statuses from webhooks: deduplicated (each status once per message), only forward by
 * rank (a late delivered never undoes read), failed final; publishes the matching event when a message
 * moves, and hands failures to {@link Failures} for their consequences.
 */
@Component
class StatusUpdates {

    private final MessageReads reads;
    private final StatusLedger ledger;
    private final Failures failures;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StatusUpdates(
            MessageReads reads, StatusLedger ledger, Failures failures, ApplicationEventPublisher events, Clock clock) {
        this.reads = reads;
        this.ledger = ledger;
        this.failures = failures;
        this.events = events;
        this.clock = clock;
    }

    private final Gathered<StatusReport> batch = new Gathered<>(this::applyAll);

    /**
     * Runs {@code work} (webhook processing, inside a transaction) collecting the statuses it reports, then
     * applies them together: one statement for the whole batch instead of one per status.
     */
    void collecting(Runnable work) {
        batch.during(work);
    }

    /** Applies a status now, or with its batch when called within {@link #collecting}. */
    void apply(StatusReport report) {
        batch.offer(report);
    }

    private void applyAll(List<StatusReport> reports) {
        // a message reported twice in one batch (delivered and read together) goes one by one, in order
        var perMessage = reports.stream()
                .collect(Collectors.groupingBy(
                        StatusReport::providerMessageId, LinkedHashMap::new, Collectors.toList()));
        if (perMessage.size() < reports.size()) {
            ledger.lockForStatuses(reports); // all of them first, in id order: the twice-reported go one by one
        }
        var once = perMessage.values().stream()
                .filter(list -> list.size() == 1)
                .map(List::getFirst)
                .toList();
        var byId = once.stream().collect(Collectors.toMap(StatusReport::providerMessageId, report -> report));
        ledger.applyStatuses(once, clock.instant())
                .forEach(moved -> moved(moved.message(), byId.get(moved.providerMessageId())));
        perMessage.values().stream()
                .filter(list -> list.size() > 1)
                .flatMap(List::stream)
                .forEach(this::apply);
    }

    private void moved(StatusLedger.MovedMessage row, StatusReport report) {
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
            case FAILED ->
                failures.reportedFailed(reads.find(row.id()).orElseThrow(), report.errorCode(), report.failureKind());
            default -> {}
        }
    }
}
