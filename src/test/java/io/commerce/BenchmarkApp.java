package io.commerce;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * Starts the real application for a benchmark: embedded PostgreSQL in a fresh folder, live channel settings.
 */
public final class BenchmarkApp {

    private BenchmarkApp() {}

    /**
     * Starts the application; its PostgreSQL keeps its data in a fresh folder, removed when it stops, or in the
     * folder {@code -Dbench.data} names, kept (so that a benchmark can skip seeding the second time).
     */
    public static ConfigurableApplicationContext start(String... extra) throws IOException {
        var kept = System.getProperty("bench.data");
        var data = kept != null ? Files.createDirectories(Path.of(kept)) : Files.createTempDirectory("bench-postgres");
        if (kept == null) {
            // after the application (and its PostgreSQL) has stopped: a benchmark leaves gigabytes behind otherwise
            SpringApplication.getShutdownHandlers().add(() -> FileSystemUtils.deleteRecursively(data.toFile()));
        }
        var args = new ArrayList<>(List.of(
                "--server.port=0",
                "--commerce.api.keys=bench",
                "--commerce.embedded-postgres.data-directory=" + data,
                "--commerce.messaging.whatsapp.access-token=bench",
                "--commerce.messaging.whatsapp.app-secret=bench-secret",
                "--commerce.messaging.sms.account-sid=ACbench",
                "--commerce.messaging.sms.auth-token=bench",
                "--logging.level.root=WARN",
                "--logging.level.io.commerce=WARN"));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(CommerceApplication.class).run(args.toArray(String[]::new));
    }

    /**
     * Like {@link #start}, on a PostgreSQL the benchmark starts itself with {@code pg_stat_statements} loaded
     * (and the service's durable settings), so that it can print where the database's time went. The server
     * stops when the JVM exits.
     */
    public static ConfigurableApplicationContext startWithStatements(String... extra) throws IOException {
        var postgres = EmbeddedPostgres.builder()
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .start();
        var args = new ArrayList<>(List.of(extra));
        args.add("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"));
        args.add("--spring.datasource.username=postgres");
        return start(args.toArray(String[]::new));
    }

    /** One customer with WhatsApp consent and {@code count} messages to numbers no earlier seed used. */
    public static void seed(JdbcClient jdbc, String status, String prefix, int count) {
        jdbc.sql(
                        "insert into consent (customer_id, channel, purpose, status, changed_at, source)"
                                + " values ('bench', 'WHATSAPP', 'TRANSACTIONAL', 'GRANTED', now(), 'bench') on conflict do nothing")
                .update();
        jdbc.sql("""
                        insert into message (id, customer_id, channel, purpose, category, status, recipient, language,
                                             template_key, content, sms_text, provider_message_id, attempts,
                                             next_attempt_at, created_at, updated_at)
                        select gen_random_uuid(), 'bench', 'WHATSAPP', 'TRANSACTIONAL', 'UTILITY', :status,
                               '+346' || lpad((g + :offset)::text, 8, '0'), 'en', 'order_shipped',
                               '{"kind":"template","key":"order_shipped","params":{"firstName":"Ana","orderId":"1001"}}',
                               'Hi Ana, your order 1001 is on its way.',
                               case when :status = 'QUEUED' then null else :prefix || g end, 0, now(), now(), now()
                          from generate_series(1, :count) g
                        """)
                .param("status", status)
                .param("prefix", prefix)
                .param("count", count)
                .param(
                        "offset",
                        jdbc.sql("select count(*) from message")
                                .query(Long.class)
                                .single())
                .update();
    }
}
