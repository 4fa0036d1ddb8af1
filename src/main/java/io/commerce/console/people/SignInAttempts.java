package io.commerce.console.people;

import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Counts wrong passwords in a row from Spring Security's authentication events: the
 * {@code commerce.console.lock-after-failures}th locks the account for {@code lock-for} (Spring Security then
 * refuses it, right password or not, until then); a sign-in that succeeds starts the count again.
 */
@Component
class SignInAttempts {

    private final People people;
    private final ConsoleProperties properties;
    private final Clock clock;

    SignInAttempts(People people, ConsoleProperties properties, Clock clock) {
        this.people = people;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener
    void wrongPassword(AuthenticationFailureBadCredentialsEvent event) {
        people.failedSignIn(
                event.getAuthentication().getName(),
                properties.lockAfterFailures(),
                properties.lockFor(),
                clock.instant());
    }

    @EventListener
    void signedIn(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof SignedIn person) {
            people.signedIn(person.getUsername(), clock.instant());
        }
    }
}
