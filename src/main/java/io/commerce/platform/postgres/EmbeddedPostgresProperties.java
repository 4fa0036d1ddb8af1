package io.commerce.platform.postgres;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The embedded PostgreSQL started when {@code spring.datasource.url} is not set
 * ({@code commerce.embedded-postgres.*}).
 *
 * @param dataDirectory where the database files live; kept between runs so a restart keeps the data
 * @param port TCP port on localhost; 0 picks a free one
 * @param startupTimeout how long to wait for the server to accept connections
 */
@Validated
@ConfigurationProperties("commerce.embedded-postgres")
record EmbeddedPostgresProperties(
        @NotNull @DefaultValue(".data/postgres") Path dataDirectory,
        @Min(0) @Max(65535) @DefaultValue("0") int port,
        @NotNull @DefaultValue("PT60S") Duration startupTimeout) {}
