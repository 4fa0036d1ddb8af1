package io.commerce.messaging.dispatch;

import io.commerce.messaging.MessagingProperties;
import io.commerce.messaging.outbox.Pacing;
import io.commerce.messaging.outbox.SendLifecycle;
import io.commerce.shared.Channel;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drains the outbox: claims due messages per channel within the channel's throughput budget (FOR UPDATE
 * SKIP LOCKED, so instances never take the same row) and hands the batch to the {@link MessageSender}. Rows left
 * in {@code sending} by a crashed instance are resolved by {@link #resolveStuckSends()}.
 */
@Component
class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final SendLifecycle lifecycle;
    private final Pacing pacing;
    private final MessageSender sender;
    private final TransactionTemplate transaction;
    private final MessagingProperties.Dispatcher settings;
    private final Clock clock;
    private final Instant startedAt;

    Dispatcher(
            SendLifecycle lifecycle,
            Pacing pacing,
            MessageSender sender,
            TransactionTemplate transaction,
            MessagingProperties properties,
            Clock clock) {
        this.lifecycle = lifecycle;
        this.pacing = pacing;
        this.sender = sender;
        this.transaction = transaction;
        this.settings = properties.dispatcher();
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    @Scheduled(fixedDelayString = "${commerce.messaging.dispatcher.poll-interval:PT0.2S}")
    void poll() {
        if (!settings.enabled()) {
            return;
        }
        int sent;
        do {
            sent = dispatchOnce(Channel.WHATSAPP) + dispatchOnce(Channel.SMS);
        } while (sent > 0);
    }

    /** Claims one batch of a channel and sends it; returns how many were claimed. */
    int dispatchOnce(Channel channel) {
        var claimed = transaction.execute(status -> {
            var now = clock.instant();
            var budget = pacing.budget(channel, settings.batchSize(), now);
            var rows = lifecycle.claimDue(channel, budget.allowed(), now);
            pacing.spend(budget, rows.size());
            return rows;
        });
        if (!claimed.isEmpty()) {
            sender.recordSent(sender.process(claimed));
        }
        return claimed.size();
    }

    /**
     * A message still {@code sending} after {@code sending-timeout} lost its dispatcher mid-send (a crash
     * or a kill) or got no answer. Had the provider accepted it, a status webhook carrying our id would have
     * moved it on by now; none did, so it is queued again. Webhooks the provider could not deliver while no
     * instance listened come with its retries, after the start: so the sweep waits one {@code sending-timeout}
     * after this instance started before it re-queues anything. The one window for a double send left: the
     * provider accepted it and no status webhook reached us for a whole timeout while we listened (ADR 0006).
     */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT30S")
    void resolveStuckSends() {
        if (clock.instant().isBefore(startedAt.plus(settings.sendingTimeout()))) {
            return;
        }
        requeueStuckSends();
    }

    /** Re-queues what is {@code sending} since longer than {@code sending-timeout}, whenever this instance started. */
    void requeueStuckSends() {
        transaction.executeWithoutResult(status -> {
            var now = clock.instant();
            var stuck = lifecycle.stuckSending(now.minus(settings.sendingTimeout()), 500);
            stuck.forEach(row -> lifecycle.reschedule(
                    row.id(),
                    now,
                    false,
                    "UNKNOWN_OUTCOME",
                    "the sender stopped mid-send; no provider status came",
                    now));
            if (!stuck.isEmpty()) {
                log.warn("re-queued {} messages left in 'sending' by a stopped dispatcher", stuck.size());
            }
        });
    }
}
