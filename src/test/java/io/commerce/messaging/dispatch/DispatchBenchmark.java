package io.commerce.messaging.dispatch;

import io.commerce.BenchmarkApp;
import io.commerce.bench.Peer;
import io.commerce.bench.ProcessorTime;
import io.commerce.shared.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How fast the dispatcher moves messages from queued to sent, with the per-number rate limit lifted (the rest
 * at the service's defaults unless {@code -Dbatch} or {@code -Dpool} say otherwise), against a fast fake Cloud
 * API in a process of its own ({@code bench/fake-graph}) and PostgreSQL on the same machine; then, in the same
 * run and against the same fake and PostgreSQL (a database of its own), the db-scheduler peer doing the same
 * sends ({@code bench/peer-dispatch}, configured from db-scheduler's documentation for throughput). Prints both
 * rates, processor time per message (JVM and PostgreSQL apart, from {@code /proc}) and the ratio. Run with
 * {@code ./mvnw -Pbench verify -Dbench=DispatchBenchmark}.
 */
public final class DispatchBenchmark {

    public static void main(String[] args) throws Exception {
        var messages = Integer.getInteger("messages", 30_000);
        var warm = Integer.getInteger("warmMessages", 30_000); // both sides: the JIT compiler done before measuring
        var graphPort = 19_000 + (int) (ProcessHandle.current().pid() % 1_000);
        var settings = new ArrayList<>(List.of(
                "--commerce.messaging.whatsapp.api-base-url=http://127.0.0.1:" + graphPort,
                "--commerce.messaging.dispatcher.enabled=false",
                "--commerce.messaging.dispatcher.pacing=false"));
        if (Integer.getInteger("batch") != null) {
            settings.add("--commerce.messaging.dispatcher.batch-size=" + Integer.getInteger("batch"));
        }
        if (Integer.getInteger("pool", 0) > 0) {
            settings.add("--spring.datasource.hikari.maximum-pool-size=" + Integer.getInteger("pool"));
        }
        try (var graph = Peer.source("fake-graph", "FakeGraph.java", graphPort, "graph", String.valueOf(graphPort));
                var app = BenchmarkApp.start(settings.toArray(String[]::new))) {
            var jdbc = app.getBean(JdbcClient.class);
            var dispatcher = app.getBean(Dispatcher.class);

            BenchmarkApp.seed(jdbc, "QUEUED", "", warm);
            drain(dispatcher, jdbc); // warm-up: JIT, connection pool, HTTP connections

            BenchmarkApp.seed(jdbc, "QUEUED", "", messages);
            var before = ProcessorTime.now();
            var started = System.nanoTime();
            drain(dispatcher, jdbc);
            var seconds = (System.nanoTime() - started) / 1e9;
            var spent = ProcessorTime.now().since(before);

            var sent = jdbc.sql("select count(*) from message where status = 'SENT'")
                    .query(Long.class)
                    .single();
            var rate = messages / seconds;
            System.out.printf(
                    Locale.ROOT,
                    "%nDispatch: %d messages queued -> sent in %.2f s = %.0f messages/s"
                            + " (%d sent in all, %d needed a retry, %d cores)%n  %s%n  %s%n",
                    messages,
                    seconds,
                    rate,
                    sent,
                    jdbc.sql("select count(*) from message where attempts > 1")
                            .query(Long.class)
                            .single(),
                    Runtime.getRuntime().availableProcessors(),
                    spent.per(messages, "message"),
                    spent.jvmPer(messages, "message"));
            peer(app.getBean(JdbcConnectionDetails.class).getJdbcUrl(), jdbc, graphPort, messages, warm, rate);
        }
    }

    /** The db-scheduler peer's same sends, its rate and processor time, and the service's rate as a multiple. */
    private static void peer(String jdbcUrl, JdbcClient jdbc, int graphPort, int messages, int warm, double rate)
            throws Exception {
        jdbc.sql("create database peer").update();
        try (var peer = Peer.start(
                "peer-dispatch",
                "perf.PeerDispatch",
                Map.of(),
                0,
                "--jdbc-url=" + jdbcUrl.replaceFirst("/postgres(\\?|$)", "/peer$1"),
                "--graph-url=http://127.0.0.1:" + graphPort,
                "--messages=" + messages,
                "--warmup=" + warm,
                "--threads=200",
                "--executor=virtual",
                "--pool=10",
                "--lower=1.0",
                "--upper=4.0",
                "--poll-ms=200",
                "--cpu-roots=postgres=" + ProcessorTime.postmasterPid())) {
            var output = peer.output();
            System.out.println("\nThe db-scheduler peer (bench/peer-dispatch), same fake Cloud API, same PostgreSQL:");
            output.lines()
                    .filter(line -> line.startsWith("db-scheduler measured"))
                    .forEach(line -> System.out.println("  " + line));
            var peerRate = output.lines()
                    .filter(line -> line.startsWith("RESULT"))
                    .map(line -> line.replaceAll(".*\"rate\":([0-9.]+).*", "$1"))
                    .mapToDouble(Double::parseDouble)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("the peer printed no result:\n" + output));
            System.out.printf(
                    Locale.ROOT,
                    "%nThe service sends %.2f times the peer's messages a second (goal: at least 2)%n%n",
                    rate / peerRate);
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
