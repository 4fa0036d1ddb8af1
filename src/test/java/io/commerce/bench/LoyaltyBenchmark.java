package io.commerce.bench;

import io.commerce.BenchmarkApp;
import io.commerce.loyalty.LoyaltyService;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 14's speed goals, measured: (1) crediting 1,000,000 delivered orders' points in a backfill
 * ({@code -Dorders=1000000} over a fifth as many customers, delivered over the last 11 months, written set-based)
 * in under 60 s, through {@link LoyaltyService#backfill} (pages of delivered orders, each customer's tier then, one
 * statement a page); (2) a balance read ({@code GET /customers/{id}/loyalty}, one request at a time) in under 5 ms
 * p99 with 50 ledger entries per customer over {@code -Dcustomers=1000000} customers (50,000,000 entries, written
 * set-based: lots, spends, lapses). Run with {@code ./mvnw -Pbench verify -Dbench=LoyaltyBenchmark};
 * {@code LOYALTY_BENCH=backfill} or {@code balance} runs one part; with {@code -Dbench.data=<folder>} the database
 * is kept there, and a second balance run reads the ledgers the first seeded (about 24 minutes) instead of seeding
 * them again.
 */
public final class LoyaltyBenchmark {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        var orders = Integer.getInteger("orders", 1_000_000);
        var customers = Integer.getInteger("customers", 1_000_000);
        var reads = Integer.getInteger("reads", 20_000);
        var parts = System.getenv().getOrDefault("LOYALTY_BENCH", "backfill,balance");
        try (var app = BenchmarkApp.start(
                "--commerce.messaging.dispatcher.enabled=false", "--commerce.journey.runner-enabled=false")) {
            var jdbc = app.getBean(JdbcClient.class);
            var loyalty = app.getBean(LoyaltyService.class);
            var base = "http://127.0.0.1:"
                    + ((WebServerApplicationContext) app).getWebServer().getPort();
            if (parts.contains("backfill")) {
                backfill(jdbc, loyalty, orders);
            }
            if (parts.contains("balance")) {
                balance(jdbc, base, customers, reads);
            }
        }
    }

    private static void backfill(JdbcClient jdbc, LoyaltyService loyalty, int orders) {
        var started = System.nanoTime();
        var customers = orders / 5;
        jdbc.sql("""
                        insert into customer (id, phone, first_name, language, timezone, created_at, updated_at)
                        select 'bf-' || g, '+3470' || lpad(g::text, 7, '0'), 'Ana', 'es', 'Europe/Madrid', now(), now()
                          from generate_series(1, :customers) g
                        """).param("customers", customers).update();
        jdbc.sql("""
                        insert into orders (id, customer_id, status, currency, total, placed_at, delivered_at, updated_at)
                        select 'bf-o-' || g, 'bf-' || (1 + g % :customers), 'DELIVERED', 'EUR',
                               round((20 + random() * 180)::numeric, 2), d - interval '3 days', d, d
                          from generate_series(1, :orders) g
                          cross join lateral (select now() - random() * interval '330 days' + g * interval '0 s' as d) t
                        """).param("customers", customers).param("orders", orders).update();
        jdbc.sql("vacuum analyze orders").update();
        System.out.printf(
                "%nSeeded %,d delivered orders of %,d customers in %.1f s%n", orders, customers, secs(started));

        var before = ProcessorTime.now();
        var timed = System.nanoTime();
        var result = loyalty.backfill(Instant.now().minus(Duration.ofDays(365)));
        var seconds = secs(timed);
        var spent = ProcessorTime.now().since(before);
        System.out.printf(
                "Backfill: %,d orders credited (%,d points) in %.1f s: %,.0f orders/s%n  %s%n",
                result.orders(),
                result.points(),
                seconds,
                result.orders() / seconds,
                spent.per(result.orders(), "order"));
        var again = System.nanoTime();
        var second = loyalty.backfill(Instant.now().minus(Duration.ofDays(365)));
        System.out.printf(
                "  run again: %,d more orders in %.1f s (all credited already)%n", second.orders(), secs(again));
    }

    private static void balance(JdbcClient jdbc, String base, int customers, int reads) throws Exception {
        if (jdbc.sql("select count(*) from customer where id like 'lb-%'")
                        .query(Long.class)
                        .single()
                < customers) {
            seedLedgers(jdbc, customers);
        } else {
            System.out.printf("%nLedgers seeded by an earlier run (-Dbench.data) are read again%n");
        }
        System.out.printf(
                "  ledger %s, its standing index %s (shared_buffers %s)%n",
                jdbc.sql("select pg_size_pretty(pg_table_size('loyalty_entry'))")
                        .query(String.class)
                        .single(),
                jdbc.sql("select pg_size_pretty(pg_relation_size('loyalty_entry_standing_idx'))")
                        .query(String.class)
                        .single(),
                jdbc.sql("show shared_buffers").query(String.class).single());
        for (var i = 0; i < 2_000; i++) {
            get(base + "/api/v1/customers/lb-" + (1 + (i * 7919L) % customers) + "/loyalty"); // warm-up
        }
        reads(base, customers, reads, 17, "as left by the seeding (most of the index not read since)");
        // what a service that has been answering balances keeps in memory: the standing index, read once whole
        var prewarm = System.nanoTime();
        jdbc.sql("create extension if not exists pg_prewarm").update();
        var blocks = jdbc.sql("select pg_prewarm('loyalty_entry_standing_idx', 'read')")
                .query(Long.class)
                .single();
        System.out.printf(
                "  the standing index read whole (pg_prewarm, %,d blocks) in %.1f s%n", blocks, secs(prewarm));
        reads(base, customers, reads, 31, "its index in memory");
    }

    /**
     * Reads {@code reads} customers' balances one at a time (a sample apart from other rounds') over one kept-alive
     * connection, as a shop's backend would, and prints them. The requests are written and their answers read
     * as bytes ({@link HttpAnswer}): {@code java.net.http.HttpClient} in the same JVM added about 0.8 ms a request
     * of its own, and a tail. A new connection when the service closes one (Tomcat: after 100 requests) is timed
     * in the next request.
     */
    private static void reads(String base, int customers, int reads, long offset, String what) throws Exception {
        var server = URI.create(base);
        var micros = new long[reads];
        var address = new InetSocketAddress(server.getHost(), server.getPort());
        var connection = SocketChannel.open(address);
        try {
            connection.setOption(StandardSocketOptions.TCP_NODELAY, true);
            var in = ByteBuffer.allocate(64 * 1024);
            var answer = new HttpAnswer();
            for (var i = 0; i < reads; i++) {
                var request =
                        ("GET /api/v1/customers/lb-%d/loyalty HTTP/1.1\r\nHost: %s:%d\r\nX-Api-Key: bench\r\n\r\n")
                                .formatted(1 + (i * 104729L + offset) % customers, server.getHost(), server.getPort())
                                .getBytes(StandardCharsets.US_ASCII);
                var at = System.nanoTime();
                connection.write(ByteBuffer.wrap(request));
                answer.reset();
                int status;
                do {
                    if (connection.read(in) < 0) {
                        throw new IllegalStateException("the service closed the connection");
                    }
                    in.flip();
                    status = answer.read(in);
                    in.compact();
                } while (status == 0);
                micros[i] = (System.nanoTime() - at) / 1_000;
                if (status != 200) {
                    throw new IllegalStateException("balance read answered " + status);
                }
                if (!answer.keepAlive()) { // Tomcat closes a connection after 100 requests, as it should
                    connection.close();
                    connection = SocketChannel.open(address);
                    connection.setOption(StandardSocketOptions.TCP_NODELAY, true);
                    in.clear();
                }
            }
        } finally {
            connection.close();
        }
        System.out.printf(
                "Balance read (GET /customers/{id}/loyalty, %,d customers, one request at a time, %,d reads), %s:"
                        + " p50 %.2f ms  p99 %.2f ms  p99.9 %.2f ms  max %.2f ms%n",
                customers,
                reads,
                what,
                FixedRateLoad.percentile(micros.clone(), 50) / 1000.0,
                FixedRateLoad.percentile(micros.clone(), 99) / 1000.0,
                FixedRateLoad.percentile(micros.clone(), 99.9) / 1000.0,
                FixedRateLoad.percentile(micros.clone(), 100) / 1000.0);
    }

    private static void seedLedgers(JdbcClient jdbc, int customers) {
        var started = System.nanoTime();
        jdbc.sql("""
                        insert into customer (id, phone, first_name, language, timezone, created_at, updated_at)
                        select 'lb-' || g, '+3471' || lpad(g::text, 7, '0'), 'Ana', 'es', 'Europe/Madrid', now(), now()
                          from generate_series(1, :customers) g
                        """).param("customers", customers).update();
        // per customer: 30 order lots over two years, 10 redemptions, 5 returns of a lot, 5 lapses of a lot
        jdbc.sql("""
                        insert into loyalty_entry (customer_id, kind, points, available_at, expires_at, spend, spend_at,
                                                   reference, created_at)
                        select 'lb-' || c, 'ORDER', 50 + (c + i) % 100, t, t + interval '12 months', 60, t, 'o' || i, t
                          from generate_series(1, :customers) c, generate_series(1, 30) i,
                               lateral (select now() - (i * interval '24 days') + c * interval '0 s' as t) x
                        """).param("customers", customers).update();
        jdbc.sql("""
                        insert into loyalty_entry (customer_id, kind, points, lot_id, available_at, spend, spend_at,
                                                   reference, created_at)
                        select customer_id, case when n <= 5 then 'RETURN' else 'EXPIRY' end, -10, id, available_at,
                               case when n <= 5 then -10 else 0 end, case when n <= 5 then spend_at end,
                               case when n <= 5 then 'r' || n else id::text end, available_at
                          from (select l.*, row_number() over (partition by customer_id order by id) n
                                  from loyalty_entry l where customer_id like 'lb-%') lots
                         where n <= 10
                        """).update();
        jdbc.sql("""
                        insert into loyalty_entry (customer_id, kind, points, available_at, reference, reason, code,
                                                   created_at)
                        select 'lb-' || c, 'REDEMPTION', -20, now() - (i * interval '50 days'), 'red' || i, '5 off',
                               'CODE' || i, now() - (i * interval '50 days')
                          from generate_series(1, :customers) c, generate_series(1, 10) i
                        """).param("customers", customers).update();
        jdbc.sql("vacuum analyze loyalty_entry").update();
        jdbc.sql("vacuum analyze customer").update();
        // the seeding's gigabytes written out now, not by a checkpoint in the middle of the measured reads
        jdbc.sql("checkpoint").update();
        var entries = jdbc.sql("select count(*) from loyalty_entry where customer_id like 'lb-%'")
                .query(Long.class)
                .single();
        System.out.printf(
                "%nSeeded %,d customers with %,d ledger entries (%.0f each) in %.1f s%n",
                customers, entries, (double) entries / customers, secs(started));
    }

    private static void get(String url) throws Exception {
        var response = HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("X-Api-Key", "bench")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || !response.body().contains("\"points\"")) {
            throw new IllegalStateException(url + ": " + response.statusCode() + " " + response.body());
        }
    }

    private static double secs(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
