package io.commerce.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requires a valid {@code X-Api-Key} on {@code /api/**} and on every actuator endpoint but health and
 * info. Webhooks are authenticated by their providers' signatures instead; the OpenAPI description is
 * public.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Api-Key";
    private static final Set<String> PUBLIC_ACTUATOR = Set.of("/actuator/health", "/actuator/info");

    private final ApiKeys apiKeys;
    private final ProblemWriter problems;

    ApiKeyFilter(ApiKeys apiKeys, ProblemWriter problems) {
        this.apiKeys = apiKeys;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/api") || path.startsWith("/api/")) {
            return false;
        }
        if (path.equals("/actuator") || path.startsWith("/actuator/")) {
            return PUBLIC_ACTUATOR.stream().anyMatch(open -> path.equals(open) || path.startsWith(open + "/"));
        }
        return true;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (apiKeys.accepts(request.getHeader(HEADER))) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "ApiKey header=\"" + HEADER + "\"");
        var detail = request.getHeader(HEADER) == null
                ? "the X-Api-Key header is missing"
                : "the X-Api-Key header does not hold a valid key";
        problems.write(response, HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", detail);
    }
}
