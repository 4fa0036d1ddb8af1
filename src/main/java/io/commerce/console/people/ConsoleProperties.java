package io.commerce.console.people;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code commerce.console.*}: the first admin ({@code COMMERCE_ADMIN_EMAIL} / {@code COMMERCE_ADMIN_PASSWORD};
 * without a password one is generated and logged once), and how many wrong passwords in a row lock an account
 * for how long.
 */
@ConfigurationProperties("commerce.console")
public record ConsoleProperties(
        String adminEmail, @Nullable String adminPassword, int lockAfterFailures, Duration lockFor) {

    public ConsoleProperties {
        if (adminPassword != null && adminPassword.isBlank()) {
            adminPassword = null;
        }
    }
}
