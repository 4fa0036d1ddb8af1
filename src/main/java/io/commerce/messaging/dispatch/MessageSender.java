package io.commerce.messaging.dispatch;

import io.commerce.messaging.MessageSent;
import io.commerce.messaging.MessagingProperties;
import io.commerce.messaging.OutboundContent.Template;
import io.commerce.messaging.channel.Channels;
import io.commerce.messaging.channel.FailureKind;
import io.commerce.messaging.channel.OutgoingMessage;
import io.commerce.messaging.channel.SendOutcome;
import io.commerce.messaging.guardrails.Guardrails;
import io.commerce.messaging.guardrails.PolicyGate;
import io.commerce.messaging.guardrails.ServiceWindow;
import io.commerce.messaging.outbox.MessageReads;
import io.commerce.messaging.outbox.MessageRow;
import io.commerce.messaging.outbox.Pacing;
import io.commerce.messaging.outbox.SendLifecycle;
import io.commerce.messaging.templates.TemplateCatalogue;
import io.commerce.shared.Purpose;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends one claimed message: checks the rules again (consent may have been withdrawn, the window may have
 * closed since it was queued), keeps the pair gap and calls the channel's gateway. Failures are recorded
 * at once; accepted sends are returned so the dispatcher records a whole batch of them in one transaction
 * ({@link #recordSent}).
 */
@Component
public class MessageSender {

    private static final Logger log = LoggerFactory.getLogger(MessageSender.class);

    private final Channels channels;
    private final PolicyGate policy;
    private final Pacing pacing;
    private final TemplateCatalogue templates;
    private final MessageReads reads;
    private final SendLifecycle lifecycle;
    private final Failures failures;
    private final MessagingMetrics metrics;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final RetriedTransactions transactions;
    private final Clock clock;
    private final Guardrails guardrails;
    private final boolean guardrailsEnabled;
    private final Duration frequencyCapPeriod;
    private final ServiceWindow window;
    private final Duration conversationWindow;

    MessageSender(
            Channels channels,
            PolicyGate policy,
            ServiceWindow window,
            Pacing pacing,
            TemplateCatalogue templates,
            MessageReads reads,
            SendLifecycle lifecycle,
            Failures failures,
            MessagingMetrics metrics,
            ApplicationEventPublisher events,
            TransactionTemplate transaction,
            RetriedTransactions transactions,
            MessagingProperties properties,
            Clock clock) {
        this.channels = channels;
        this.policy = policy;
        this.pacing = pacing;
        this.templates = templates;
        this.reads = reads;
        this.lifecycle = lifecycle;
        this.failures = failures;
        this.metrics = metrics;
        this.events = events;
        this.transaction = transaction;
        this.transactions = transactions;
        this.clock = clock;
        var settings = properties.guardrails();
        this.guardrailsEnabled = settings.enabled();
        this.frequencyCapPeriod = settings.frequencyCapPeriod();
        this.window = window;
        this.conversationWindow = settings.conversationWindow();
        this.guardrails = new Guardrails(
                new Guardrails.QuietHours(settings.quietHoursStart(), settings.quietHoursEnd()),
                new Guardrails.FrequencyCap(settings.frequencyCapMax(), settings.frequencyCapPeriod()),
                new Guardrails.MinimumGap(settings.minimumGap()));
    }

    /** A message the provider accepted, waiting to be recorded with its batch. */
    public record Accepted(MessageRow row, String providerMessageId) {}

    /** Sends the message; returns it when the provider accepted it, having recorded anything else. */
    Optional<Accepted> process(MessageRow row) {
        var refusal = policy.check(
                row.customerId(),
                row.recipient(),
                row.channel(),
                row.purpose(),
                row.category(),
                row.content(),
                row.smsText() != null);
        if (refusal.isPresent()) {
            transaction.executeWithoutResult(status -> failures.refused(row, refusal.get()));
            metrics.sent(row, "refused");
            return Optional.empty();
        }
        var hold = hold(row);
        if (hold.isPresent()) {
            lifecycle.defer(row.id(), hold.get().until(), hold.get().reason(), clock.instant());
            metrics.sent(row, "held_" + hold.get().reason().toLowerCase());
            return Optional.empty();
        }
        if (!channels.settings(row.channel()).pairGap().isZero()) {
            var busyUntil = pacing.recipientBusyUntil(row.channel(), row.recipient(), clock.instant());
            if (busyUntil.isPresent()) {
                lifecycle.defer(row.id(), busyUntil.get(), null, clock.instant());
                metrics.sent(row, "deferred");
                return Optional.empty();
            }
        }
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
     * Marketing only: quiet hours, the frequency cap and the least gap (queried only when they apply); the
     * first and last not while the customer is in a conversation with us on the message's channel.
     */
    private Optional<Guardrails.Hold> hold(MessageRow row) {
        if (!guardrailsEnabled || row.purpose() != Purpose.MARKETING) {
            return Optional.empty();
        }
        var now = clock.instant();
        var zone = row.timezone() == null ? ZoneOffset.UTC : ZoneId.of(row.timezone());
        return guardrails.check(
                row.purpose(),
                now,
                zone,
                reads.marketingSentSince(row.customerId(), now.minus(frequencyCapPeriod)),
                reads.lastSentTo(row.customerId()),
                window.heardFromWithin(row.channel(), row.recipient(), conversationWindow));
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
