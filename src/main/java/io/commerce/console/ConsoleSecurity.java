package io.commerce.console;

import io.commerce.console.people.PeopleService;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;

/**
 * The console's own filter chain ({@code /console/**}): form sign-in with a session (its cookie HttpOnly,
 * Secure and SameSite, its timeout in {@code server.servlet.session}), CSRF tokens on every form and htmx
 * request, a content security policy that lets only the console's own scripts run, admins alone on the people
 * pages. It reads no API key, as the API's chain reads no session.
 */
@Configuration
class ConsoleSecurity {

    private static final Logger log = LoggerFactory.getLogger(ConsoleSecurity.class);

    static final String LOGIN = "/console/login";

    @Bean
    @Order(0) // after the webhooks' and the API's chains, before the open one
    SecurityFilterChain consoleChain(HttpSecurity http, PeopleService people) throws Exception {
        var failures = new ExceptionMappingAuthenticationFailureHandler();
        failures.setExceptionMappings(Map.of(LockedException.class.getName(), LOGIN + "?locked"));
        failures.setDefaultFailureUrl(LOGIN + "?error");
        return http.securityMatcher("/console/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers(LOGIN, "/console/assets/**")
                        .permitAll()
                        .requestMatchers("/console/people/**", "/console/campaigns/*/cancel")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .hasAnyRole("AGENT", "ADMIN"))
                .formLogin(form -> form.loginPage(LOGIN)
                        .usernameParameter("email")
                        .defaultSuccessUrl("/console/inbox")
                        .failureHandler(failures)
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/console/logout").logoutSuccessUrl(LOGIN + "?signedOut"))
                .userDetailsService(people)
                .headers(headers -> headers.contentSecurityPolicy(csp ->
                        csp.policyDirectives("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                                + "img-src 'self' data: blob:; frame-ancestors 'none'; form-action 'self'")))
                .build();
    }

    /** {@code ./mvnw spring-boot:run} says where to sign in. */
    @EventListener
    void started(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) {
            log.info(
                    "Console: sign in at http://localhost:{}{}",
                    event.getWebServer().getPort(),
                    LOGIN);
        }
    }
}
