package io.commerce.platform.postgres;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;

/**
 * A stand-in for the service in a process of its own: it takes the data folder and starts the embedded
 * PostgreSQL as the service does, records a row, prints {@code READY <port>} and waits to be killed.
 */
final class EmbeddedPostgresOwner {

    public static void main(String[] args) throws Exception {
        var properties = new EmbeddedPostgresProperties(Path.of(args[0]), 0, Duration.ofSeconds(60));
        var lock = DataDirectoryLock.acquire(properties.dataDirectory());
        var postgres = EmbeddedPostgresConfiguration.start(properties, lock);
        try (var connection = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
                var statement = connection.createStatement()) {
            statement.execute("create table if not exists kept (note text)");
            statement.execute("insert into kept values ('written by the first service')");
        }
        System.out.println("READY " + postgres.getPort());
        System.in.read(); // until killed
    }
}
