package io.commerce.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

/**
 * Group commit for requests that each need a small durable write: concurrent requests share transactions. Each
 * request queues its item and sleeps; writer threads of their own (platform threads, started on the first write)
 * take everything queued, up to a batch, and write it in one call of {@code writer} (one transaction), waking
 * the batch's requests. A failing batch is written again one item at a time, so one bad item fails only its
 * own request. Each request returns only once its item is committed: nothing is acknowledged that a crash
 * could lose.
 *
 * <p>The writers are platform threads, not the requests' virtual ones: a writer waiting for the database is then
 * woken by the operating system as soon as the answer comes, instead of queueing for a carrier thread behind
 * every request that arrived meanwhile (docs/benchmarks.md, the redirect).
 *
 * @param <T> an item to write
 * @param <R> what writing it answers
 */
public final class GroupCommit<T, R> {

    private record Pending<T, R>(T item, CompletableFuture<R> done) {}

    private final LinkedBlockingQueue<Pending<T, R>> queue = new LinkedBlockingQueue<>();
    private final String name;
    private final int writers;
    private final int maxBatch;
    private final Function<List<T>, List<R>> writer;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean started;

    /**
     * @param name the writer threads' name
     * @param writers how many batches may be written at once (each holds a connection)
     * @param maxBatch the most items a batch takes
     * @param writer writes a batch in one transaction and answers each item, in order
     */
    public GroupCommit(String name, int writers, int maxBatch, Function<List<T>, List<R>> writer) {
        this.name = name;
        this.writers = writers;
        this.maxBatch = maxBatch;
        this.writer = writer;
    }

    /** Writes the item with whatever else is waiting, and returns its answer once it is committed. */
    public R write(T item) {
        if (!started) {
            start();
        }
        var pending = new Pending<T, R>(item, new CompletableFuture<>());
        queue.add(pending);
        return pending.done().join();
    }

    /** Items waiting for a writer. */
    int queued() {
        return queue.size();
    }

    private synchronized void start() {
        if (started) {
            return;
        }
        for (var i = 0; i < writers; i++) {
            threads.add(Thread.ofPlatform().name(name + "-" + i).daemon().start(this::writeForever));
        }
        started = true;
    }

    /** Stops the writers once their batch is written (the application is stopping). */
    public synchronized void close() {
        threads.forEach(Thread::interrupt);
    }

    private void writeForever() {
        var batch = new ArrayList<Pending<T, R>>(maxBatch);
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, maxBatch - 1);
            try {
                write(batch);
            } catch (Throwable e) { // an error, not an exception: the batch's requests hear of it, the writer goes on
                batch.forEach(pending -> pending.done().completeExceptionally(e));
            }
            batch.clear();
        }
    }

    private void write(List<Pending<T, R>> batch) {
        try {
            var results = writer.apply(batch.stream().map(Pending::item).toList());
            for (var i = 0; i < batch.size(); i++) {
                batch.get(i).done().complete(results.get(i));
            }
        } catch (RuntimeException e) {
            if (batch.size() > 1) {
                batch.forEach(pending -> write(List.of(pending)));
                return;
            }
            batch.getFirst().done().completeExceptionally(e);
        }
    }
}
