package io.commerce;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.SpringApplication;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one PostgreSQL 17 all tests of a run share: a Testcontainers container when a Docker engine is
 * reachable, otherwise an embedded server (zonky binaries). Never a stand-in database. The embedded one keeps
 * zonky's defaults, fsync and synchronous commit off: fast, and its data is thrown away with the run (the
 * service's own embedded server is durable, see ADR 0001).
 */
public final class TestDatabase {

    /** Connection facts for Spring's {@code spring.datasource.*}. */
    public record Connection(String url, String username, String password) {}

    private static Connection connection;

    private TestDatabase() {}

    public static synchronized Connection connection() {
        if (connection == null) {
            connection = dockerAvailable() ? startContainer() : startEmbedded();
        }
        return connection;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM ends
    private static Connection startContainer() {
        var container = new PostgreSQLContainer("postgres:17-alpine");
        container.start();
        return new Connection(container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }

    /**
     * Stopped by a Spring Boot shutdown handler, which runs after every application context has closed: a
     * plain JVM hook ran alongside them, and contexts still closing waited for connections to a stopped server
     * (Hikari's 30 s timeout, and Surefire then killed the fork).
     */
    private static Connection startEmbedded() {
        try {
            var postgres =
                    EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
            SpringApplication.getShutdownHandlers().add(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is ending anyway
                }
            });
            return new Connection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
    }
}
