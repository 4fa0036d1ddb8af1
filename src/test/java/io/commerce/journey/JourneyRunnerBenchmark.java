package io.commerce.journey;

import io.commerce.BenchmarkApp;
import io.commerce.bench.ProcessorTime;
import io.commerce.bench.Statements;
import io.commerce.journey.engine.JourneyRunner;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How many due enrollments the journey runner advances per second. Each is a real shipping-update step:
 * the order is read, the customer checked, consent and template checked and rendered, the message written
 * to the outbox and the enrollment completed, steps grouped into transactions as the runner does. The runner
 * is measured warm, as it runs in a service that has been up for a while: warm-up rounds go on until the JIT
 * compiler is (nearly) done, since its threads compete with the runner for the two cores. Run with {@code
 * ./mvnw -Pbench verify -Dbench=JourneyRunnerBenchmark}; prints its figures.
 */
public final class JourneyRunnerBenchmark {

    public static void main(String[] args) throws Exception {
        var count = Integer.getInteger("enrollments", 40_000);
        var concurrency = Integer.getInteger("concurrency", 8);
        try (var app = BenchmarkApp.startWithStatements(
                "--commerce.journey.runner-enabled=false",
                "--commerce.messaging.dispatcher.enabled=false",
                "--commerce.journey.batch-size=" + Integer.getInteger("batch", 1000),
                "--commerce.journey.concurrency=" + concurrency,
                "--commerce.journey.steps-per-transaction=" + Integer.getInteger("chunk", 20),
                "--spring.datasource.hikari.maximum-pool-size="
                        + Integer.getInteger("pool", 10))) { // the shipped default
            var jdbc = app.getBean(JdbcClient.class);
            var runner = app.getBean(JourneyRunner.class);

            var jit = ManagementFactory.getCompilationMXBean();
            var rounds = warmUp(jdbc, runner);

            seed(jdbc, "run", count);
            Statements.reset(jdbc);
            var compiledBefore = jit.getTotalCompilationTime();
            var before = ProcessorTime.now();
            var started = System.nanoTime();
            var advanced = drain(runner);
            var seconds = (System.nanoTime() - started) / 1e9;
            var spent = ProcessorTime.now().since(before);
            var compiling = jit.getTotalCompilationTime() - compiledBefore;

            System.out.printf(
                    Locale.ROOT,
                    "%nJourney runner: %d due enrollments advanced in %.2f s = %.0f enrollments/s"
                            + " (%d transactions at once, %d steps per transaction, %d messages queued, %d completed,"
                            + " %d cores; after %d warm-up rounds; the JIT compiled for %d ms meanwhile)%n%n",
                    advanced,
                    seconds,
                    advanced / seconds,
                    concurrency,
                    Integer.getInteger("chunk", 20),
                    jdbc.sql(
                                    "select count(*) from message where customer_id like 'run%' and origin = 'shipping_update/0'")
                            .query(Long.class)
                            .single(),
                    jdbc.sql("select count(*) from enrollment where customer_id like 'run%' and status = 'COMPLETED'")
                            .query(Long.class)
                            .single(),
                    Runtime.getRuntime().availableProcessors(),
                    rounds,
                    compiling);
            System.out.printf("  %s%n  %s%n", spent.per(advanced, "enrollment"), spent.jvmPer(advanced, "enrollment"));
            Statements.printTop(jdbc, 12);
        }
    }

    /**
     * Rounds of 10,000 steps until one in which the JIT compiler worked for less than a twentieth of the
     * round's time (at most 12 rounds); returns how many rounds it took.
     */
    private static int warmUp(JdbcClient jdbc, JourneyRunner runner) {
        var jit = ManagementFactory.getCompilationMXBean();
        for (var round = 1; ; round++) {
            seed(jdbc, "warm" + round + "-", 10_000);
            var compiledBefore = jit.getTotalCompilationTime();
            var started = System.nanoTime();
            drain(runner);
            var millis = (System.nanoTime() - started) / 1_000_000;
            if (jit.getTotalCompilationTime() - compiledBefore < millis / 20 || round == 12) {
                return round;
            }
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
