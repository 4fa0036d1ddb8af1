package io.commerce.console.people;

import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At start, with nobody able to manage the console yet, creates its first admin from {@code
 * COMMERCE_ADMIN_EMAIL} / {@code COMMERCE_ADMIN_PASSWORD}, or with a generated password logged once (as the
 * API key and Spring Security's own generated password are).
 */
@Component
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final PeopleService people;
    private final ConsoleProperties properties;

    FirstAdmin(PeopleService people, ConsoleProperties properties) {
        this.people = people;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        var given = properties.adminPassword();
        var password = given == null ? generate() : given;
        if (people.addFirstAdmin(properties.adminEmail(), password) && given == null) {
            log.warn(
                    "\n\nConsole admin created: {} with generated password: {}\n\n"
                            + "COMMERCE_ADMIN_PASSWORD is not set; change this password after signing in.\n",
                    properties.adminEmail(),
                    password);
        }
    }

    private static String generate() {
        var bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
