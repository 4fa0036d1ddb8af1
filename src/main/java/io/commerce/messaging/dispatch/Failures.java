package io.commerce.messaging.dispatch;

import io.commerce.consent.ConsentChange;
import io.commerce.consent.ConsentService;
import io.commerce.consent.ConsentStatus;
import io.commerce.messaging.MessageFailed;
import io.commerce.messaging.MessageStatus;
import io.commerce.messaging.MessagingProperties;
import io.commerce.messaging.channel.FailureKind;
import io.commerce.messaging.guardrails.PolicyGate;
import io.commerce.messaging.outbox.MessageRow;
import io.commerce.messaging.outbox.Outbox;
import io.commerce.messaging.outbox.SendLifecycle;
import io.commerce.shared.Channel;
import io.commerce.shared.Purpose;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What a failure means for a message, in one place for failures the dispatcher sees (the send was
 * refused) and failures webhooks report later: retry with backoff and jitter, back off 4^n s for the pair
 * rate, wait 24 h for Meta's marketing limit, leave a send whose outcome is unknown to the provider's webhook or
 * the sending timeout (ADR 0006), or end the message, withdraw marketing consent on an
 * opt-out, and fall back to SMS when the WhatsApp message can no longer deliver.
 */
@Component
public class Failures {

    private final Outbox outbox;
    private final SendLifecycle lifecycle;
    private final PolicyGate policy;
    private final ConsentService consents;
    private final ApplicationEventPublisher events;
    private final MessagingMetrics metrics;
    private final MessagingProperties.Dispatcher settings;
    private final Clock clock;

    Failures(
            Outbox outbox,
            SendLifecycle lifecycle,
            PolicyGate policy,
            ConsentService consents,
            ApplicationEventPublisher events,
            MessagingMetrics metrics,
            MessagingProperties properties,
            Clock clock) {
        this.outbox = outbox;
        this.lifecycle = lifecycle;
        this.policy = policy;
        this.consents = consents;
        this.events = events;
        this.metrics = metrics;
        this.settings = properties.dispatcher();
        this.clock = clock;
    }

    /** A send the provider refused or that did not reach it; the message is still {@code sending}. */
    void sendFailed(MessageRow row, String code, String title, FailureKind kind) {
        var now = clock.instant();
        switch (kind) {
            case RETRY -> {
                if (row.attempts() < settings.maxAttempts()) {
                    lifecycle.reschedule(row.id(), now.plus(backoff(row.attempts())), false, code, title, now);
                } else {
                    end(row, code, title, kind, now);
                }
            }
            case UNKNOWN_OUTCOME -> lifecycle.outcomeUnknown(row.id(), code, title, now);
            case PAIR_RATE_LIMIT ->
                lifecycle.reschedule(
                        row.id(), now.plusSeconds((long) Math.pow(4, row.pairRateFailures())), true, code, title, now);
            case RETRY_AFTER_24H -> {
                if (row.attempts() < settings.maxAttempts()) {
                    lifecycle.reschedule(row.id(), now.plus(Duration.ofHours(24)), false, code, title, now);
                } else {
                    end(row, code, title, kind, now);
                }
            }
            default -> end(row, code, title, kind, now);
        }
    }

    /** The provider reported the message failed (a webhook): final, then its consequences. */
    public void reportedFailed(MessageRow failed, String code, FailureKind kind) {
        var now = clock.instant();
        publishFailed(failed, code, failed.errorTitle(), now);
        if (kind == FailureKind.RETRY_AFTER_24H && failed.retryOf() == null) {
            outbox.insert(MessageRow.queued(
                            failed.customerId(),
                            failed.channel(),
                            failed.purpose(),
                            failed.category(),
                            failed.recipient(),
                            failed.timezone(),
                            failed.language(),
                            failed.templateKey(),
                            failed.content(),
                            failed.smsText(),
                            null,
                            failed.origin(),
                            null,
                            now)
                    .retrying(failed.id(), now.plus(Duration.ofHours(24))));
        } else {
            consequences(failed, kind, now);
        }
    }

    /** Ends a message the rules no longer allow (consent withdrawn, window closed) before it was sent. */
    void refused(MessageRow row, PolicyGate.Refusal refusal) {
        var now = clock.instant();
        if (refusal.code().equals("CONSENT_REQUIRED")) {
            lifecycle.finish(row.id(), MessageStatus.CANCELLED, "CONSENT_WITHDRAWN", refusal.detail(), now);
            return;
        }
        end(row, refusal.code(), refusal.detail(), FailureKind.FINAL, now);
    }

    private void end(MessageRow row, String code, String title, FailureKind kind, Instant now) {
        if (lifecycle.finish(row.id(), MessageStatus.FAILED, code, title, now)) {
            publishFailed(row, code, title, now);
            consequences(row, kind, now);
        }
    }

    private void consequences(MessageRow row, FailureKind kind, Instant now) {
        if (kind == FailureKind.OPTED_OUT) {
            consents.record(
                    row.customerId(),
                    row.channel(),
                    Purpose.MARKETING,
                    new ConsentChange(
                            ConsentStatus.WITHDRAWN,
                            row.channel().name().toLowerCase() + "-provider-opt-out",
                            "the provider reported that the customer stopped marketing messages"));
            return;
        }
        fallBackToSms(row, now);
    }

    /** A WhatsApp message that will not deliver goes by SMS, if it has SMS text and SMS is allowed. */
    private void fallBackToSms(MessageRow row, Instant now) {
        if (row.channel() != Channel.WHATSAPP || row.smsText() == null || row.fallbackMessageId() != null) {
            return;
        }
        var allowed = policy.check(
                        row.customerId(),
                        row.recipient(),
                        Channel.SMS,
                        row.purpose(),
                        row.category(),
                        row.content(),
                        true)
                .isEmpty();
        if (allowed) {
            outbox.insert(MessageRow.queued(
                    row.customerId(),
                    Channel.SMS,
                    row.purpose(),
                    row.category(),
                    row.recipient(),
                    row.timezone(),
                    row.language(),
                    row.templateKey(),
                    row.content(),
                    row.smsText(),
                    null,
                    row.origin(),
                    row.id(),
                    now));
        }
    }

    private void publishFailed(MessageRow row, String code, String title, Instant now) {
        metrics.failed(row.channel(), code);
        events.publishEvent(new MessageFailed(
                row.id().toString(),
                row.customerId(),
                row.channel(),
                row.purpose(),
                row.templateKey(),
                code,
                title,
                now));
    }

    private Duration backoff(int attempts) {
        var base = settings.backoff().multipliedBy(1L << Math.min(attempts - 1, 20));
        var capped = base.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : base;
        var jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis((long) (capped.toMillis() * jitter));
    }
}
