package io.commerce.shared;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Group commit for requests that each need a small durable write: concurrent requests share transactions. A
 * request thread that finds a writer slot free writes everything queued, its own item and others', in one call
 * of {@code writer} (one transaction); the others sleep until theirs is written (the writer wakes them) or a
 * slot frees (the writer leaving wakes the first in line), never polling. A failing batch is written again
 * one item at a time, so one bad item fails only its own request. Each request returns only once its item is
 * committed: nothing is acknowledged that a crash could lose.
 *
 * @param <T> an item to write
 * @param <R> what writing it answers
 */
public final class GroupCommit<T, R> {

    /** How long a waiting request sleeps at most before it looks again, should a wake-up ever be missed. */
    private static final Duration SAFETY_NET = Duration.ofMillis(50);

    private record Pending<T, R>(T item, CompletableFuture<R> done, Thread waiting) {

        void complete(R result) {
            done.complete(result);
            LockSupport.unpark(waiting);
        }

        void fail(RuntimeException e) {
            done.completeExceptionally(e);
            LockSupport.unpark(waiting);
        }
    }

    private final ConcurrentLinkedQueue<Pending<T, R>> queue = new ConcurrentLinkedQueue<>();
    private final Semaphore writers;
    private final int maxBatch;
    private final Function<List<T>, List<R>> writer;

    /**
     * @param writers how many batches may be written at once (each holds a connection)
     * @param maxBatch the most items a batch takes
     * @param writer writes a batch in one transaction and answers each item, in order
     */
    public GroupCommit(int writers, int maxBatch, Function<List<T>, List<R>> writer) {
        this.writers = new Semaphore(writers);
        this.maxBatch = maxBatch;
        this.writer = writer;
    }

    /** Writes the item with whatever else is waiting, and returns its answer once it is committed. */
    public R write(T item) {
        var pending = new Pending<T, R>(item, new CompletableFuture<>(), Thread.currentThread());
        queue.add(pending);
        while (!pending.done().isDone()) {
            if (writers.tryAcquire()) {
                try {
                    writeQueued(pending);
                } finally {
                    writers.release();
                    var next = queue.peek(); // a slot is free: the first in line takes it
                    if (next != null) {
                        LockSupport.unpark(next.waiting());
                    }
                }
            }
            LockSupport.parkNanos(this, SAFETY_NET.toNanos());
        }
        return pending.done().join();
    }

    /** Writes batches until this thread's own item is done (others' ride along). */
    private void writeQueued(Pending<T, R> own) {
        while (!own.done().isDone()) {
            var batch = new ArrayList<Pending<T, R>>();
            for (Pending<T, R> next; batch.size() < maxBatch && (next = queue.poll()) != null; ) {
                batch.add(next);
            }
            if (batch.isEmpty()) {
                return; // another writer took it
            }
            write(batch);
        }
    }

    private void write(List<Pending<T, R>> batch) {
        try {
            var results = writer.apply(batch.stream().map(Pending::item).toList());
            for (var i = 0; i < batch.size(); i++) {
                batch.get(i).complete(results.get(i));
            }
        } catch (RuntimeException e) {
            if (batch.size() > 1) {
                batch.forEach(pending -> write(List.of(pending)));
                return;
            }
            batch.getFirst().fail(e);
        }
    }
}
