package io.commerce.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load generator: sends pre-built POSTs at a fixed rate whatever the answers' latency (one
 * virtual thread per request, started on schedule by one pacing thread), so a slow service meets the same
 * arrival rate instead of slowing the load down (no coordinated omission). At most {@link #CONNECTIONS}
 * requests are in flight, over as many kept-alive connections, as a provider's webhook sender would keep
 * (without a bound, every late request opened a connection of its own and a backlog ran out of file
 * descriptors); a request due while all are busy waits for one, and that wait counts in its latency. Each request's latency is measured
 * from the moment it was due, and the wall-clock instant its answer arrived is kept, so that what the service
 * did after answering can be timed against it.
 */
final class FixedRateLoad {

    /** One request to send: its URL, headers as name/value pairs, and body. */
    record Request(URI url, List<String> headers, String body) {}

    /** What became of the requests, by their index: latency in µs, answer instant in epoch ms, HTTP status. */
    record Outcome(long[] latencyMicros, long[] answeredAtMillis, int[] status, double seconds) {

        long count(int code) {
            return Arrays.stream(status).filter(s -> s == code).count();
        }
    }

    /** Requests in flight at most, each on a connection of its own that is kept alive. */
    static final int CONNECTIONS = Integer.getInteger("connections", 128);

    private final Semaphore connections = new Semaphore(CONNECTIONS);
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** Sends every request, {@code perSecond} of them a second, and waits for their answers. */
    Outcome run(List<Request> requests, int perSecond) throws InterruptedException {
        var n = requests.size();
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
                    status[index] = send(requests.get(index));
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

    private int send(Request request) throws Exception {
        var builder = HttpRequest.newBuilder(request.url())
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(request.body()));
        for (int h = 0; h < request.headers().size(); h += 2) {
            builder.header(request.headers().get(h), request.headers().get(h + 1));
        }
        connections.acquire();
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } finally {
            connections.release();
        }
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
