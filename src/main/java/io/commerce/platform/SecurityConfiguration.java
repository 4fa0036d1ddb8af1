package io.commerce.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Spring Security's filter chains but the console's (which the console module declares itself, between the
 * API's and the open one): {@code /webhooks/**} open to the providers, whose signatures the endpoints check;
 * {@code /api/**} and the actuator by API key ({@link ApiKeyAuthentication}), stateless, health and info
 * public; everything else (the OpenAPI description, the sandbox's stand-in provider APIs) open and stateless.
 * A console session never opens the API (this chain reads no session) and an API key never opens the console
 * (that chain reads no key).
 */
@Configuration
class SecurityConfiguration {

    /** The console's chain sits between the API's and the open one. */
    static final int API_ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

    private static final RequestMatcher PUBLIC_ACTUATOR = new OrRequestMatcher(
            PathPatternRequestMatcher.pathPattern("/actuator/health"),
            PathPatternRequestMatcher.pathPattern("/actuator/health/**"),
            PathPatternRequestMatcher.pathPattern("/actuator/info"),
            PathPatternRequestMatcher.pathPattern("/actuator/info/**"));

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * No filter at all for webhooks and tracked links: the webhook endpoints check the providers' signatures
     * themselves, a tracked link is open to anyone holding it, and both come by the thousand (a chain of
     * permit-all filters cost a webhook delivery 50 µs of processor time; docs/benchmarks.md).
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain webhookChain() {
        return new DefaultSecurityFilterChain(new OrRequestMatcher(
                PathPatternRequestMatcher.pathPattern("/webhooks/**"), PathPatternRequestMatcher.pathPattern("/r/**")));
    }

    @Bean
    @Order(API_ORDER)
    SecurityFilterChain apiChain(HttpSecurity http, ApiKeys keys, ProblemWriter problems) throws Exception {
        var entryPoint = new ApiKeyEntryPoint(problems);
        var authentication =
                new AuthenticationFilter(new ProviderManager(new ApiKeyAuthentication(keys)), ApiKeyAuthentication::of);
        authentication.setRequestMatcher(new NegatedRequestMatcher(PUBLIC_ACTUATOR));
        authentication.setSuccessHandler((request, response, key) -> {}); // go on to the endpoint
        authentication.setFailureHandler(new AuthenticationEntryPointFailureHandler(entryPoint));
        return stateless(http.securityMatcher("/api/**", "/actuator/**"))
                .authorizeHttpRequests(requests -> requests.requestMatchers(PUBLIC_ACTUATOR)
                        .permitAll()
                        .anyRequest()
                        .hasRole(ApiKeyAuthentication.ROLE))
                .addFilterAt(authentication, BasicAuthenticationFilter.class)
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint))
                .build();
    }

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain openChain(HttpSecurity http) throws Exception {
        return stateless(http)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .build();
    }

    private static HttpSecurity stateless(HttpSecurity http) throws Exception {
        return http.csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    }
}
