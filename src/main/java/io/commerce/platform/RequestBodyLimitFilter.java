package io.commerce.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses bodies larger than {@code commerce.api.max-body-size} (webhooks: {@code
 * max-webhook-body-size}, Meta sends up to 3 MB) with a 413, whether announced by
 * {@code Content-Length} or discovered while reading a chunked body, and keeps accepted bodies in memory
 * for the filters and converters after it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long limit;
    private final long webhookLimit;
    private final ProblemWriter problems;

    RequestBodyLimitFilter(ApiProperties properties, ProblemWriter problems) {
        this.limit = properties.maxBodySize().toBytes();
        this.webhookLimit = properties.maxWebhookBodySize().toBytes();
        this.problems = problems;
    }

    /**
     * Form posts (Twilio's webhooks) are left to the servlet container, which parses them into request
     * parameters and limits them by {@code server.tomcat.max-http-form-post-size}; file uploads ({@code
     * multipart/form-data}) to Spring's multipart support, limited by {@code spring.servlet.multipart.*}.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        var method = request.getMethod();
        return isFormOrUpload(request) || !(method.equals("POST") || method.equals("PUT") || method.equals("PATCH"));
    }

    /** A form post or a file upload: bodies the container parses itself, never cached in memory. */
    static boolean isFormOrUpload(HttpServletRequest request) {
        var type =
                request.getContentType() == null ? "" : request.getContentType().toLowerCase();
        return type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var max = request.getRequestURI().startsWith(request.getContextPath() + "/webhooks/") ? webhookLimit : limit;
        if (request.getContentLengthLong() > max) {
            tooLarge(response, max);
            return;
        }
        CachedBodyRequest cached;
        try {
            cached = CachedBodyRequest.read(request, max);
        } catch (PayloadTooLargeException e) {
            tooLarge(response, max);
            return;
        }
        chain.doFilter(cached, response);
    }

    private void tooLarge(HttpServletResponse response, long max) throws IOException {
        response.setHeader("Connection", "close");
        problems.write(
                response,
                HttpStatus.CONTENT_TOO_LARGE,
                "PAYLOAD_TOO_LARGE",
                "the request body is larger than %d bytes".formatted(max));
    }
}
