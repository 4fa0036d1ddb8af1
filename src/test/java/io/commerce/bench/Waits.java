package io.commerce.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What PostgreSQL's busy backends were doing, sampled from {@code pg_stat_activity} every 50 ms while a
 * benchmark runs: on the processor (no wait event), or waiting for a lock, a lightweight lock, the WAL's
 * flush, the client; by statement. Where a statement's time goes when its mean in {@code pg_stat_statements}
 * is far above its plan's cost.
 */
final class Waits implements AutoCloseable {

    private final Map<String, Integer> samples = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();

    Waits(JdbcClient jdbc) {
        sampler.scheduleWithFixedDelay(
                () -> jdbc.sql("""
                                select coalesce(wait_event_type || ':' || wait_event, 'processor') as what,
                                       left(regexp_replace(query, '\\s+', ' ', 'g'), 60) as query
                                  from pg_stat_activity
                                 where state = 'active' and backend_type = 'client backend' and pid <> pg_backend_pid()
                                """).query(rs -> {
                    samples.merge(rs.getString(1) + "  " + rs.getString(2), 1, Integer::sum);
                }),
                0,
                50,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        sampler.shutdown();
        sampler.awaitTermination(10, TimeUnit.SECONDS);
        var total = samples.values().stream().mapToInt(Integer::intValue).sum();
        var byWhat = new TreeMap<String, Integer>();
        samples.forEach((key, n) -> byWhat.merge(key.substring(0, key.indexOf("  ")), n, Integer::sum));
        System.out.println("  busy backends sampled every 50 ms (" + total + " samples), by what they did:");
        byWhat.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> System.out.printf("  %6d  %s%n", e.getValue(), e.getKey()));
        System.out.println("  and by statement:");
        samples.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(15)
                .forEach(e -> System.out.printf("  %6d  %s%n", e.getValue(), e.getKey()));
    }
}
