package io.commerce.messaging.intake;

import io.commerce.messaging.dispatch.MessagingMetrics;
import io.commerce.messaging.dispatch.RetriedTransactions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Processes verified webhook deliveries and keeps their raw payloads, and answers only once both are
 * durable (a crash before commit makes the provider deliver again). Concurrent deliveries share
 * transactions (group commit): a request thread that finds a writer slot free writes everything queued,
 * its own delivery and others', in one transaction; the others sleep until theirs is written (the writer
 * wakes them) or a slot frees (the writer leaving wakes the first in line), never polling. The batch's statuses
 * and inbound messages are applied set-based, a statement for all of them at a time. A failing batch is
 * written again one delivery at a time, so a payload that breaks processing is kept with its error, still
 * acknowledged, and does not take others down with it. A transaction that loses a lock conflict (a
 * deadlock with the dispatcher recording a batch as sent) simply runs again.
 */
@Component
class WebhookIntake {

    private static final Logger log = LoggerFactory.getLogger(WebhookIntake.class);
    private static final int MAX_BATCH = 100;
    private static final int WRITERS = 2;
    /** How long a waiting request sleeps at most before it looks again, should a wake-up ever be missed. */
    private static final Duration SAFETY_NET = Duration.ofMillis(50);

    /**
     * One delivery waiting to be written; {@code written} completes with its outcome; {@code beforeAnswer}
     * is what its processing asked to run once it is committed and before it is answered.
     */
    private record Delivery(
            String provider,
            String payload,
            Runnable processing,
            CompletableFuture<String> written,
            List<Runnable> beforeAnswer,
            Thread waiting) {

        /** Its outcome is known: the request thread waiting for it wakes at once. */
        void done(String outcome) {
            written.complete(outcome);
            LockSupport.unpark(waiting);
        }
    }

    private final ConcurrentLinkedQueue<Delivery> queue = new ConcurrentLinkedQueue<>();
    private final Semaphore writers = new Semaphore(WRITERS);
    private final RetriedTransactions transactions;
    private final StatusUpdates statuses;
    private final InboundMessages inbound;
    private final BeforeAnswering beforeAnswering;
    private final WebhookDeliveries deliveries;
    private final MessagingMetrics metrics;
    private final Clock clock;

    WebhookIntake(
            RetriedTransactions transactions,
            StatusUpdates statuses,
            InboundMessages inbound,
            BeforeAnswering beforeAnswering,
            WebhookDeliveries deliveries,
            MessagingMetrics metrics,
            Clock clock) {
        this.transactions = transactions;
        this.statuses = statuses;
        this.inbound = inbound;
        this.beforeAnswering = beforeAnswering;
        this.deliveries = deliveries;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Returns once the delivery's effects and its raw payload are committed. */
    void take(String provider, byte[] body, Runnable processing) {
        var started = clock.instant();
        var delivery = new Delivery(
                provider,
                new String(body, StandardCharsets.UTF_8),
                processing,
                new CompletableFuture<>(),
                new ArrayList<>(),
                Thread.currentThread());
        queue.add(delivery);
        while (!delivery.written().isDone()) {
            if (writers.tryAcquire()) {
                try {
                    writeQueued(delivery);
                } finally {
                    writers.release();
                    wakeNextWriter();
                }
            }
            // sleep until written, or woken to write: never poll, a backlog of thousands would eat the processor
            LockSupport.parkNanos(this, SAFETY_NET.toNanos());
        }
        var outcome = delivery.written().join();
        if (outcome.equals("processed")) {
            delivery.beforeAnswer().forEach(Runnable::run);
        }
        metrics.webhook(provider, outcome, Duration.between(started, clock.instant()));
    }

    /** Writes batches until this thread's own delivery is done (others' deliveries ride along). */
    private void writeQueued(Delivery own) {
        while (!own.written().isDone()) {
            var batch = new ArrayList<Delivery>();
            for (Delivery next; batch.size() < MAX_BATCH && (next = queue.poll()) != null; ) {
                batch.add(next);
            }
            if (batch.isEmpty()) {
                return; // another writer took it; wait for that writer
            }
            write(batch);
        }
    }

    private void write(List<Delivery> batch) {
        try {
            transactions.run(status -> {
                statuses.collecting(() -> inbound.collecting(() -> batch.forEach(this::process)));
                deliveries.processed(batch.stream()
                        .map(d -> new WebhookDeliveries.Raw(d.provider(), d.payload()))
                        .toList());
            });
            batch.forEach(delivery -> delivery.done("processed"));
        } catch (RuntimeException e) {
            if (batch.size() > 1) {
                batch.forEach(delivery -> write(List.of(delivery)));
                return;
            }
            var delivery = batch.getFirst();
            log.warn("a {} webhook could not be processed; kept for inspection: {}", delivery.provider(), e.toString());
            try {
                deliveries.failed(delivery.provider(), delivery.payload(), e.toString());
            } finally {
                delivery.done("failed");
            }
        }
    }

    private void process(Delivery delivery) {
        delivery.beforeAnswer().clear(); // written again (a retry, alone after a failed batch): asked again
        beforeAnswering.within(delivery.beforeAnswer(), delivery.processing());
    }

    /** A writer slot is free: the delivery first in line wakes to take it, if its writer has not come yet. */
    private void wakeNextWriter() {
        var next = queue.peek();
        if (next != null) {
            LockSupport.unpark(next.waiting());
        }
    }
}
