package io.commerce.platform.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service's embedded PostgreSQL keeps what it acknowledged: a commit answered before every PostgreSQL
 * process is killed with SIGKILL is there after the restart (with zonky's {@code synchronous_commit=off}
 * the last commits, still in the server's write-ahead-log buffers, are lost).
 */
class EmbeddedPostgresDurabilityTest {

    @TempDir
    Path folder;

    @AfterEach
    void killLeftovers() throws Exception {
        PostgresProcesses.killAll(folder.resolve("data"));
    }

    @Test
    void theServerRunsWithFsyncSynchronousCommitAndFullPageWrites() throws Exception {
        try (var lock = DataDirectoryLock.acquire(folder.resolve("data"));
                var postgres = EmbeddedPostgresConfiguration.start(properties(), lock);
                var connection = DriverManager.getConnection(url(postgres));
                var statement = connection.createStatement()) {
            for (var setting : new String[] {"fsync", "synchronous_commit", "full_page_writes"}) {
                try (var result = statement.executeQuery("show " + setting)) {
                    result.next();
                    assertThat(result.getString(1)).as(setting).isEqualTo("on");
                }
            }
        }
    }

    @Test
    void aCommitAcknowledgedBeforePostgresIsKilledIsThereAfterTheRestart() throws Exception {
        var acknowledged = new AtomicLong();
        try (var lock = DataDirectoryLock.acquire(folder.resolve("data"));
                var postgres = EmbeddedPostgresConfiguration.start(properties(), lock);
                var connection = DriverManager.getConnection(url(postgres))) {
            connection.createStatement().execute("create table acknowledged (id bigint primary key)");
            var writer = CompletableFuture.runAsync(() -> commitUntilTheServerDies(connection, acknowledged));
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.get() >= 300);

            PostgresProcesses.killAll(lock.dataDirectory());
            writer.join();
        }

        try (var lock = DataDirectoryLock.acquire(folder.resolve("data"));
                var postgres = EmbeddedPostgresConfiguration.start(properties(), lock);
                var connection = DriverManager.getConnection(url(postgres));
                var result = connection
                        .createStatement()
                        .executeQuery("select count(*) from acknowledged where id <= " + acknowledged.get())) {
            result.next();
            assertThat(result.getLong(1)).isEqualTo(acknowledged.get());
        }
    }

    /** One small autocommitted insert after another; the id of each one the server answered is recorded. */
    private static void commitUntilTheServerDies(Connection connection, AtomicLong acknowledged) {
        try (var insert = connection.prepareStatement("insert into acknowledged (id) values (?)")) {
            for (long id = 1; ; id++) {
                insert.setLong(1, id);
                insert.executeUpdate();
                acknowledged.set(id);
            }
        } catch (SQLException serverGone) {
            // the kill
        }
    }

    private EmbeddedPostgresProperties properties() {
        return new EmbeddedPostgresProperties(folder.resolve("data"), 0, Duration.ofSeconds(60));
    }

    private static String url(EmbeddedPostgres postgres) {
        return postgres.getJdbcUrl("postgres", "postgres");
    }
}
