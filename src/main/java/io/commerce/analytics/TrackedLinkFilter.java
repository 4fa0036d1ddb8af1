package io.commerce.analytics;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers {@code GET /r/{token}} for a known token before anything else runs: the redirect comes by the
 * thousand, and Spring MVC's handler mapping, the request observation and the security chain would cost more
 * than the redirect itself (docs/benchmarks.md). An unknown token, or another method, goes on to {@link
 * LinkRedirectController}, which answers the 404 page (or 405).
 */
@Configuration(proxyBeanMethods = false)
class TrackedLinkFilter {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> trackedLinkRedirects(AnalyticsService analytics) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                var method = request.getMethod();
                var token = request.getRequestURI().substring("/r/".length());
                if (method.equals("GET") || method.equals("HEAD")) {
                    var url = analytics.follow(token, method, request.getHeader(HttpHeaders.USER_AGENT));
                    if (url.isPresent()) {
                        response.setStatus(HttpServletResponse.SC_FOUND);
                        response.setHeader(HttpHeaders.LOCATION, url.get());
                        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                        return;
                    }
                }
                chain.doFilter(request, response);
            }
        });
        registration.addUrlPatterns("/r/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("trackedLinkRedirects");
        return registration;
    }
}
