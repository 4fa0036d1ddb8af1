package io.commerce.messaging.dispatch;

import io.commerce.BenchmarkApp;
import io.commerce.messaging.FakeCloudApi;
import io.commerce.shared.Channel;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How fast the dispatcher moves messages from queued to sent, with the per-number rate limit lifted,
 * against a fast local fake Cloud API and PostgreSQL on the same machine. Run with
 * {@code ./mvnw -Pbench verify -Dbench=DispatchBenchmark}; prints its figures.
 */
public final class DispatchBenchmark {

    public static void main(String[] args) throws Exception {
        var messages = Integer.getInteger("messages", 30_000);
        try (var fake = FakeCloudApi.start();
                var app = BenchmarkApp.start(
                        "--commerce.messaging.whatsapp.api-base-url=" + fake.baseUrl(),
                        "--commerce.messaging.dispatcher.enabled=false",
                        "--commerce.messaging.dispatcher.pacing=false",
                        "--commerce.messaging.dispatcher.batch-size=" + Integer.getInteger("batch", 500),
                        "--spring.datasource.hikari.maximum-pool-size=" + Integer.getInteger("pool", 40))) {
            var jdbc = app.getBean(JdbcClient.class);
            var dispatcher = app.getBean(Dispatcher.class);

            BenchmarkApp.seed(jdbc, "QUEUED", "", 5_000);
            drain(dispatcher, jdbc); // warm-up: JIT, connection pool, HTTP connections

            BenchmarkApp.seed(jdbc, "QUEUED", "", messages);
            var started = System.nanoTime();
            drain(dispatcher, jdbc);
            var seconds = (System.nanoTime() - started) / 1e9;

            var sent = jdbc.sql("select count(*) from message where status = 'SENT'")
                    .query(Long.class)
                    .single();
            System.out.printf(
                    Locale.ROOT,
                    "%nDispatch: %d messages queued -> sent in %.2f s = %.0f messages/s"
                            + " (%d sent in all, %d needed a retry, %d requests to the fake Cloud API, %d cores)%n%n",
                    messages,
                    seconds,
                    messages / seconds,
                    sent,
                    jdbc.sql("select count(*) from message where attempts > 1")
                            .query(Long.class)
                            .single(),
                    fake.requests(),
                    Runtime.getRuntime().availableProcessors());
        }
    }

    /**
     * The dispatcher's own loop, as {@code poll()} runs it, until every message is sent; messages a
     * retryable error sent back to the queue (with backoff) are waited for and counted in.
     */
    private static void drain(Dispatcher dispatcher, JdbcClient jdbc) {
        var deadline = System.nanoTime() + 300_000_000_000L;
        while (true) {
            if (dispatcher.dispatchOnce(Channel.WHATSAPP) > 0) {
                continue;
            }
            var left = jdbc.sql("select count(*) from message where status in ('QUEUED', 'SENDING')")
                    .query(Long.class)
                    .single();
            if (left == 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(left + " messages were not sent within 5 minutes");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000); // retries wait for their backoff
        }
    }
}
