package io.commerce.messaging.dispatch;

import io.commerce.messaging.MessageSent;
import io.commerce.messaging.OutboundContent.Template;
import io.commerce.messaging.channel.Channels;
import io.commerce.messaging.channel.FailureKind;
import io.commerce.messaging.channel.OutgoingMessage;
import io.commerce.messaging.channel.SendOutcome;
import io.commerce.messaging.links.TrackedLinks;
import io.commerce.messaging.outbox.MessageRow;
import io.commerce.messaging.outbox.SendLifecycle;
import io.commerce.messaging.templates.TemplateCatalogue;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a claimed batch: checks the rules again (consent may have been withdrawn, the window may have closed
 * since it was queued; {@link Rechecks}), keeps the pair gap and calls the channel's gateway for each message
 * that may go. Failures are recorded at once; accepted sends are returned so the dispatcher records the whole
 * batch of them in one transaction ({@link #recordSent}).
 */
@Component
public class MessageSender {

    private static final Logger log = LoggerFactory.getLogger(MessageSender.class);

    private final Channels channels;
    private final Rechecks rechecks;
    private final TemplateCatalogue templates;
    private final SendLifecycle lifecycle;
    private final Failures failures;
    private final MessagingMetrics metrics;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final RetriedTransactions transactions;
    private final TrackedLinks links;
    private final Clock clock;

    MessageSender(
            Channels channels,
            Rechecks rechecks,
            TemplateCatalogue templates,
            SendLifecycle lifecycle,
            Failures failures,
            MessagingMetrics metrics,
            ApplicationEventPublisher events,
            TransactionTemplate transaction,
            RetriedTransactions transactions,
            TrackedLinks links,
            Clock clock) {
        this.channels = channels;
        this.rechecks = rechecks;
        this.templates = templates;
        this.lifecycle = lifecycle;
        this.failures = failures;
        this.metrics = metrics;
        this.events = events;
        this.transaction = transaction;
        this.transactions = transactions;
        this.links = links;
        this.clock = clock;
    }

    /** A message the provider accepted, waiting to be recorded with its batch. */
    public record Accepted(MessageRow row, String providerMessageId) {}

    /**
     * Checks a claimed batch again ({@link Rechecks}), records what may not go or must wait, and sends the
     * rest, each on its own virtual thread; returns the sends the provider accepted, to be recorded together.
     */
    List<Accepted> process(List<MessageRow> rows) {
        var going = new ArrayList<MessageRow>();
        var waiting = new ArrayList<SendLifecycle.Deferral>();
        for (var verdict : rechecks.decide(rows)) {
            switch (verdict) {
                case Rechecks.Go go -> going.add(go.row());
                case Rechecks.Refused refused -> {
                    transaction.executeWithoutResult(status -> failures.refused(refused.row(), refused.refusal()));
                    metrics.sent(refused.row(), "refused");
                }
                case Rechecks.Waits waits -> {
                    waiting.add(new SendLifecycle.Deferral(waits.row().id(), waits.until(), waits.heldReason()));
                    metrics.sent(
                            waits.row(),
                            waits.heldReason() == null
                                    ? "deferred"
                                    : "held_" + waits.heldReason().toLowerCase());
                }
            }
        }
        lifecycle.deferAll(waiting, clock.instant());
        return sendAll(links.track(going));
    }

    private List<Accepted> sendAll(List<MessageRow> rows) {
        var accepted = new ConcurrentLinkedQueue<Accepted>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            rows.forEach(row -> threads.submit(() -> {
                try {
                    sent(row).ifPresent(accepted::add);
                } catch (RuntimeException e) {
                    log.error(
                            "sending message {} failed unexpectedly; it is retried after the sending timeout",
                            row.id(),
                            e);
                }
            }));
        }
        return List.copyOf(accepted);
    }

    /** Sends one message that passed the rules; returns it when the provider accepted it, having recorded anything else. */
    private Optional<Accepted> sent(MessageRow row) {
        return switch (send(row)) {
            case SendOutcome.Accepted accepted -> Optional.of(new Accepted(row, accepted.providerMessageId()));
            case SendOutcome.Failed failed -> {
                transaction.executeWithoutResult(
                        status -> failures.sendFailed(row, failed.code(), failed.title(), failed.kind()));
                metrics.sent(row, failed.kind().name().toLowerCase());
                yield Optional.empty();
            }
        };
    }

    /**
     * Records a batch of accepted sends in one transaction and publishes {@link MessageSent} for each; a
     * transaction that loses a lock conflict (a status webhook for the same messages) runs again. Should
     * it still fail, the messages stay {@code sending}, said loudly: their status webhooks, which carry our
     * id, move them on, and only a message no webhook reaches within {@code sending-timeout} is sent again
     * (ADR 0006).
     */
    public void recordSent(List<Accepted> accepted) {
        if (accepted.isEmpty()) {
            return;
        }
        try {
            recordSentTogether(accepted);
        } catch (DataAccessException e) {
            log.error(
                    "{} messages the provider accepted could not be recorded as sent; they stay 'sending' until"
                            + " their status webhooks arrive: {}",
                    accepted.size(),
                    accepted.stream().map(a -> a.row().id()).toList(),
                    e);
            accepted.forEach(a -> metrics.sent(a.row(), "unrecorded"));
            return;
        }
        accepted.forEach(a -> metrics.sent(a.row(), "sent"));
    }

    private void recordSentTogether(List<Accepted> accepted) {
        transactions.run(status -> {
            var now = clock.instant();
            lifecycle
                    .markAllSent(
                            accepted.stream().map(a -> a.row().id()).toList(),
                            accepted.stream().map(Accepted::providerMessageId).toList(),
                            now)
                    .forEach(sent -> events.publishEvent(new MessageSent(
                            sent.id().toString(),
                            sent.customerId(),
                            sent.channel(),
                            sent.purpose(),
                            sent.templateKey(),
                            now)));
        });
    }

    private SendOutcome send(MessageRow row) {
        try {
            var rendered = row.content() instanceof Template template
                    ? templates.render(template.key(), row.language(), null, template.params())
                    : null;
            var outgoing = new OutgoingMessage(
                    row.id(), row.recipient(), row.content(), rendered, row.smsText(), row.replyTo());
            return channels.gateway(row.channel()).send(outgoing);
        } catch (RuntimeException e) {
            return new SendOutcome.Failed("INVALID_MESSAGE", e.getMessage(), FailureKind.FINAL);
        }
    }
}
