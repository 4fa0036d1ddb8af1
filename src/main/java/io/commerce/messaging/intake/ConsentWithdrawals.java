package io.commerce.messaging.intake;

import io.commerce.consent.ConsentWithdrawn;
import io.commerce.messaging.channel.Channels;
import io.commerce.messaging.outbox.Cancellations;
import io.commerce.messaging.outbox.MessageReads;
import io.commerce.messaging.outbox.SendLifecycle;
import io.commerce.shared.Channel;
import io.commerce.shared.Purpose;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * What a withdrawn marketing consent does to the customer's messages on that channel. Queued ones are
 * cancelled. And before the withdrawal is answered (the STOP webhook's 200, the consent API's answer) it
 * is settled: a send whose consent check passed before the withdrawal committed may still be on its way
 * to the provider, so the answer waits until the customer has no marketing left in {@code sending} on
 * the channel (each such send ends within the provider call's timeouts; a row claimed longer ago than
 * that has no live sender). A send checked after the commit sees the withdrawal and is cancelled. Once
 * answered, no marketing reaches the provider; the STOP's confirmation is held until then too. See ADR
 * 0012.
 */
@Component
class ConsentWithdrawals {

    /** The held reason of a STOP's confirmation until the customer's in-flight marketing has settled. */
    static final String SETTLING = "WITHDRAWAL_SETTLING";

    private static final Logger log = LoggerFactory.getLogger(ConsentWithdrawals.class);
    private static final Duration SLACK = Duration.ofSeconds(5);

    private final MessageReads reads;
    private final SendLifecycle lifecycle;
    private final Cancellations cancellations;
    private final BeforeAnswering beforeAnswering;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Map<Channel, Duration> inFlightLimit = new EnumMap<>(Channel.class);
    private final Map<Channel, RetryTemplate> untilSettled = new EnumMap<>(Channel.class);

    ConsentWithdrawals(
            MessageReads reads,
            SendLifecycle lifecycle,
            Cancellations cancellations,
            BeforeAnswering beforeAnswering,
            TransactionTemplate transaction,
            Channels channels,
            Clock clock) {
        this.reads = reads;
        this.lifecycle = lifecycle;
        this.cancellations = cancellations;
        this.beforeAnswering = beforeAnswering;
        // its own transactions: after a commit, the committed one's connection is still bound to the thread
        this.transaction = new TransactionTemplate(transaction.getTransactionManager());
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        // connect and read timeouts of the provider call, and slack for the checks before it
        for (var channel : Channel.values()) {
            inFlightLimit.put(
                    channel,
                    channels.settings(channel).requestTimeout().multipliedBy(2).plus(SLACK));
        }
        inFlightLimit.forEach((channel, limit) -> untilSettled.put(
                channel,
                new RetryTemplate(RetryPolicy.builder()
                        .includes(StillInFlight.class)
                        .maxRetries(Long.MAX_VALUE)
                        .delay(Duration.ofMillis(10))
                        .multiplier(2)
                        .maxDelay(Duration.ofMillis(100))
                        .timeout(limit)
                        .build())));
    }

    /** Also for withdrawals nobody waits for (a provider's opt-out report): durable, after the commit. */
    @ApplicationModuleListener
    void on(ConsentWithdrawn withdrawn) {
        if (withdrawn.purpose() == Purpose.MARKETING) {
            cancellations.cancelQueued(
                    withdrawn.customerId(),
                    withdrawn.channel(),
                    Purpose.MARKETING,
                    "CONSENT_WITHDRAWN",
                    clock.instant());
        }
    }

    /**
     * In the withdrawing transaction: settles the customer's marketing after the commit and before the
     * answer, on the thread that answers (a webhook delivery's own, or the API request's). Nothing to do
     * where nobody is answered (the dispatcher recording a provider's opt-out must not wait for its own
     * batch).
     */
    @EventListener
    void settleBeforeAnswering(ConsentWithdrawn withdrawn) {
        if (withdrawn.purpose() != Purpose.MARKETING) {
            return;
        }
        Runnable settle = () -> settle(withdrawn.customerId(), withdrawn.channel());
        if (beforeAnswering.ask(settle)
                || RequestContextHolder.getRequestAttributes() == null
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                settle.run();
            }
        });
    }

    /** Holds a STOP's confirmation until the withdrawal has settled (at most the in-flight limit). */
    void holdUntilSettled(UUID confirmation, Channel channel) {
        var now = clock.instant();
        lifecycle.hold(confirmation, SETTLING, now.plus(inFlightLimit.get(channel)), now);
    }

    /**
     * Cancels the customer's queued marketing on the channel until none is in flight any more (a send
     * deferred by the pair gap comes back to the queue), then lets the confirmation go.
     */
    void settle(String customerId, Channel channel) {
        try {
            untilSettled.get(channel).invoke(() -> {
                var now = clock.instant();
                var inFlight = transaction.execute(status -> {
                    cancellations.cancelQueued(customerId, channel, Purpose.MARKETING, "CONSENT_WITHDRAWN", now);
                    return reads.sendingSince(
                            customerId, channel, Purpose.MARKETING, now.minus(inFlightLimit.get(channel)));
                });
                if (inFlight > 0) {
                    throw new StillInFlight();
                }
            });
        } catch (RuntimeException e) {
            log.warn(
                    "customer {}'s withdrawal of {} marketing is answered unsettled (a send may still be in flight): {}",
                    customerId,
                    channel,
                    e.toString());
        } finally {
            transaction.executeWithoutResult(
                    status -> lifecycle.releaseHeld(customerId, channel, SETTLING, clock.instant()));
        }
    }

    /** The customer still has marketing on its way to the provider. */
    private static final class StillInFlight extends RuntimeException {
        StillInFlight() {
            super("marketing still being sent", null, false, false);
        }
    }
}
