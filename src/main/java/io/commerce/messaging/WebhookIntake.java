package io.commerce.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Processes verified webhook deliveries and keeps their raw payloads, and answers only once both are
 * durable (a crash before commit makes the provider deliver again). Concurrent deliveries share
 * transactions (group commit): a request thread that finds a writer slot free writes everything queued,
 * its own delivery and others', in one transaction; the others wait for theirs. A failing batch is
 * written again one delivery at a time, so a payload that breaks processing is kept with its error, still
 * acknowledged, and does not take others down with it. A transaction that loses a lock conflict (a
 * deadlock with the dispatcher recording a batch as sent) simply runs again.
 */
@Component
class WebhookIntake {

    private static final Logger log = LoggerFactory.getLogger(WebhookIntake.class);
    private static final int MAX_BATCH = 100;
    private static final int WRITERS = 2;

    /**
     * One delivery waiting to be written; {@code written} completes with its outcome; {@code beforeAnswer}
     * is what its processing asked to run once it is committed and before it is answered.
     */
    private record Delivery(
            String provider,
            String payload,
            Runnable processing,
            CompletableFuture<String> written,
            List<Runnable> beforeAnswer) {}

    private final ConcurrentLinkedQueue<Delivery> queue = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<Delivery> beingProcessed = new ThreadLocal<>();
    private final Semaphore writers = new Semaphore(WRITERS);
    private final RetriedTransactions transactions;
    private final StatusUpdates statuses;
    private final WebhookDeliveries deliveries;
    private final MessagingMetrics metrics;
    private final Clock clock;

    WebhookIntake(
            RetriedTransactions transactions,
            StatusUpdates statuses,
            WebhookDeliveries deliveries,
            MessagingMetrics metrics,
            Clock clock) {
        this.transactions = transactions;
        this.statuses = statuses;
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
                new ArrayList<>());
        queue.add(delivery);
        while (!delivery.written().isDone()) {
            if (writers.tryAcquire()) {
                try {
                    writeQueued(delivery);
                } finally {
                    writers.release();
                }
            }
            // block, never spin: spinning virtual threads would hold the carriers the writer needs
            awaitBriefly(delivery);
        }
        var outcome = delivery.written().join();
        if (outcome.equals("processed")) {
            delivery.beforeAnswer().forEach(Runnable::run);
        }
        metrics.webhook(provider, outcome, Duration.between(started, clock.instant()));
    }

    /**
     * Called while a delivery is processed: runs {@code work} once the delivery is committed and before it
     * is answered, on the delivery's own request thread (not the writer's, which others wait for). Returns
     * false outside a delivery's processing.
     */
    boolean beforeAnswering(Runnable work) {
        var delivery = beingProcessed.get();
        if (delivery == null) {
            return false;
        }
        delivery.beforeAnswer().add(work);
        return true;
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
                statuses.collecting(() -> batch.forEach(this::process));
                deliveries.processed(batch.stream()
                        .map(d -> new WebhookDeliveries.Raw(d.provider(), d.payload()))
                        .toList());
            });
            batch.forEach(delivery -> delivery.written().complete("processed"));
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
                delivery.written().complete("failed");
            }
        }
    }

    private void process(Delivery delivery) {
        delivery.beforeAnswer().clear(); // written again (a retry, alone after a failed batch): asked again
        beingProcessed.set(delivery);
        try {
            delivery.processing().run();
        } finally {
            beingProcessed.remove();
        }
    }

    private static void awaitBriefly(Delivery delivery) {
        try {
            delivery.written().get(2, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // not written yet: try to become a writer again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a webhook was being written", e);
        }
    }
}
