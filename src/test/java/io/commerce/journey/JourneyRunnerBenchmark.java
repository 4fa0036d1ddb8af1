package io.commerce.journey;

import io.commerce.BenchmarkApp;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How many due enrollments the journey runner advances per second. Each is a real shipping-update step:
 * the order is read, the customer checked, consent and template checked and rendered, the message written
 * to the outbox and the enrollment completed, in one transaction per step. Run with {@code ./mvnw -Pbench
 * verify -Dbench=journey.JourneyRunnerBenchmark}; prints its figures.
 */
public final class JourneyRunnerBenchmark {

    public static void main(String[] args) throws Exception {
        var count = Integer.getInteger("enrollments", 20_000);
        var concurrency = Integer.getInteger("concurrency", 8);
        try (var app = BenchmarkApp.start(
                "--commerce.journey.runner-enabled=false",
                "--commerce.messaging.dispatcher.enabled=false",
                "--commerce.journey.batch-size=" + Integer.getInteger("batch", 500),
                "--commerce.journey.concurrency=" + concurrency,
                "--commerce.journey.steps-per-transaction=" + Integer.getInteger("chunk", 20),
                "--spring.datasource.hikari.maximum-pool-size=" + (concurrency + 4))) {
            var jdbc = app.getBean(JdbcClient.class);
            var runner = app.getBean(JourneyRunner.class);

            seed(jdbc, "warm", 2_000);
            drain(runner); // warm-up: JIT, connection pool

            seed(jdbc, "run", count);
            var started = System.nanoTime();
            var advanced = drain(runner);
            var seconds = (System.nanoTime() - started) / 1e9;

            System.out.printf(
                    Locale.ROOT,
                    "%nJourney runner: %d due enrollments advanced in %.2f s = %.0f enrollments/s"
                            + " (%d steps at once, %d messages queued, %d completed, %d cores)%n%n",
                    advanced,
                    seconds,
                    advanced / seconds,
                    concurrency,
                    jdbc.sql("select count(*) from message where origin = 'shipping_update/0'")
                            .query(Long.class)
                            .single(),
                    jdbc.sql("select count(*) from enrollment where status = 'COMPLETED'")
                            .query(Long.class)
                            .single(),
                    Runtime.getRuntime().availableProcessors());
        }
    }

    private static int drain(JourneyRunner runner) {
        var total = 0;
        for (int batch; (batch = runner.runOnce()) > 0; ) {
            total += batch;
        }
        return total;
    }

    /** Customers with WhatsApp consent, each with a shipped order and a due shipping-update enrollment. */
    private static void seed(JdbcClient jdbc, String prefix, int count) {
        jdbc.sql("""
                        insert into customer (id, phone, first_name, language, timezone, created_at, updated_at)
                        select :prefix || g, '+346' || lpad(g::text, 8, '0'), 'Ana', 'en', 'Europe/Madrid', now(), now()
                          from generate_series(1, :count) g
                        """).param("prefix", prefix).param("count", count).update();
        jdbc.sql("""
                        insert into consent (customer_id, channel, purpose, status, changed_at, source)
                        select :prefix || g, 'WHATSAPP', 'TRANSACTIONAL', 'GRANTED', now(), 'bench'
                          from generate_series(1, :count) g
                        """).param("prefix", prefix).param("count", count).update();
        jdbc.sql("""
                        insert into orders (id, customer_id, status, currency, total, placed_at, updated_at)
                        select :prefix || '-o' || g, :prefix || g, 'SHIPPED', 'EUR', 89.95, now(), now()
                          from generate_series(1, :count) g
                        """).param("prefix", prefix).param("count", count).update();
        jdbc.sql("""
                        insert into enrollment (id, journey, trigger_id, customer_id, status, next_run_at, context,
                                                created_at, updated_at)
                        select gen_random_uuid(), 'shipping_update', :prefix || '-o' || g || '/JD' || g,
                               :prefix || g, 'ACTIVE', now(),
                               jsonb_build_object('orderId', :prefix || '-o' || g, 'carrier', 'DHL',
                                                  'trackingUrl', 'https://dhl.example/JD' || g),
                               now(), now()
                          from generate_series(1, :count) g
                        """).param("prefix", prefix).param("count", count).update();
    }
}
