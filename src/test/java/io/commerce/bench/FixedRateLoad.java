package io.commerce.bench;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load generator: sends pre-built POSTs at a fixed rate whatever the answers' latency (one
 * virtual thread per request, started on schedule by one pacing thread), so a slow service meets the same
 * arrival rate instead of slowing the load down (no coordinated omission). At most {@link #CONNECTIONS}
 * requests are in flight, over as many kept-alive connections, as a provider's webhook sender would keep
 * (without a bound, every late request opened a connection of its own and a backlog ran out of file
 * descriptors); a request due while all are busy waits for one, and that wait counts in its latency. Each
 * request's latency is measured from the moment it was due, and the wall-clock instant its answer arrived is
 * kept, so that what the service did after answering can be timed against it.
 */
final class FixedRateLoad {

    /** One request to send: its URL, headers as name/value pairs, and body (null: a GET). */
    record Request(URI url, List<String> headers, String body) {}

    /** What became of the requests, by their index: latency in µs, answer instant in epoch ms, HTTP status. */
    record Outcome(long[] latencyMicros, long[] answeredAtMillis, int[] status, double seconds) {

        long count(int code) {
            return Arrays.stream(status).filter(s -> s == code).count();
        }
    }

    /** Requests in flight at most, each on a connection of its own that is kept alive. */
    static final int CONNECTIONS = Integer.getInteger("connections", 0) > 0 ? Integer.getInteger("connections") : 128;

    /** Sends every request, {@code perSecond} of them a second, and waits for their answers. */
    Outcome run(List<Request> requests, int perSecond) throws InterruptedException {
        var n = requests.size();
        var connections = new KeptAliveConnections(requests.getFirst().url(), CONNECTIONS);
        var prepared = requests.stream()
                .map(request -> request.body() == null
                        ? connections.get(request.url(), request.headers())
                        : connections.post(request.url(), request.headers(), request.body()))
                .toList();
        var latency = new long[n];
        var answeredAt = new long[n];
        var status = new int[n];
        var done = new CountDownLatch(n);
        var interval = 1_000_000_000L / perSecond;
        var start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            var due = start + i * interval;
            for (long wait; (wait = due - System.nanoTime()) > 0; ) {
                LockSupport.parkNanos(wait);
            }
            var index = i;
            Thread.startVirtualThread(() -> {
                try {
                    status[index] = connections.send(prepared.get(index));
                } catch (Exception e) {
                    status[index] = -1;
                } finally {
                    answeredAt[index] = System.currentTimeMillis();
                    latency[index] = (System.nanoTime() - due) / 1_000;
                    done.countDown();
                }
            });
        }
        if (!done.await(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("answers still missing 2 minutes after the last request");
        }
        return new Outcome(latency, answeredAt, status, (System.nanoTime() - start) / 1e9);
    }

    /** The p-th percentile (0-100) of values, nearest rank; the array is sorted in place. */
    static long percentile(long[] values, double p) {
        if (values.length == 0) {
            return 0;
        }
        Arrays.sort(values);
        var rank = (int) Math.ceil(p / 100 * values.length);
        return values[Math.max(0, Math.min(values.length - 1, rank - 1))];
    }
}
