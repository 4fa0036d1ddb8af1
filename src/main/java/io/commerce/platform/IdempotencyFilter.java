package io.commerce.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Honours {@code Idempotency-Key} on {@code POST /api/**}: the first request with a key runs and its
 * response is kept; a replay with the same method, path and body gets that response again (marked
 * {@code Idempotent-Replayed: true}); the same key with another request is a 422; a replay while the
 * first is still running is a 409. Keys are scoped to the calling API key and kept for
 * {@code commerce.api.idempotency-retention}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 255;

    private final IdempotencyRecords records;
    private final ProblemWriter problems;
    private final Clock clock;
    private final Duration lockTimeout;
    private final long maxBodySize;

    IdempotencyFilter(IdempotencyRecords records, ProblemWriter problems, Clock clock, ApiProperties properties) {
        this.records = records;
        this.problems = problems;
        this.clock = clock;
        this.lockTimeout = properties.idempotencyLockTimeout();
        this.maxBodySize = properties.maxBodySize().toBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getMethod().equals("POST")
                || request.getHeader(HEADER) == null
                || RequestBodyLimitFilter.isFormOrUpload(request) // a file upload is not kept to be replayed
                || !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var key = request.getHeader(HEADER).strip();
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            problems.write(
                    response,
                    HttpStatus.BAD_REQUEST,
                    "INVALID_IDEMPOTENCY_KEY",
                    "Idempotency-Key must be 1 to %d characters".formatted(MAX_KEY_LENGTH));
            return;
        }
        var cached = CachedBodyRequest.read(request, maxBodySize); // already read by RequestBodyLimitFilter
        var client = ApiKeys.clientId(request.getHeader(ApiKeyAuthentication.HEADER));
        var fingerprint = fingerprint(cached);

        if (records.claim(client, key, fingerprint)) {
            runAndRemember(cached, response, chain, client, key);
            return;
        }
        var existing = records.find(client, key);
        if (existing.isEmpty()) { // expired and purged between the two statements: treat as new
            if (records.claim(client, key, fingerprint)) {
                runAndRemember(cached, response, chain, client, key);
                return;
            }
            existing = records.find(client, key);
        }
        var stored = existing.orElseThrow();
        if (!stored.fingerprint().equals(fingerprint)) {
            problems.write(
                    response,
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "IDEMPOTENCY_KEY_REUSED",
                    "this Idempotency-Key was used for a different request");
        } else if (stored.completed()) {
            replay(stored, response);
        } else if (stored.lockedAt().plus(lockTimeout).isBefore(clock.instant())
                && records.reclaim(client, key, stored.lockedAt())) {
            runAndRemember(cached, response, chain, client, key);
        } else {
            problems.write(
                    response,
                    HttpStatus.CONFLICT,
                    "IDEMPOTENCY_KEY_IN_USE",
                    "a request with this Idempotency-Key is still being processed; retry later");
        }
    }

    private void runAndRemember(
            CachedBodyRequest request, HttpServletResponse response, FilterChain chain, String client, String key)
            throws ServletException, IOException {
        var recording = new ContentCachingResponseWrapper(response);
        var completed = false;
        try {
            chain.doFilter(request, recording);
            if (recording.getStatus() < 500) {
                records.complete(
                        client,
                        key,
                        recording.getStatus(),
                        recording.getContentType(),
                        recording.getContentAsByteArray());
                completed = true;
            }
        } finally {
            if (!completed) {
                records.release(client, key);
            }
            recording.copyBodyToResponse();
        }
    }

    private static void replay(IdempotencyRecords.IdempotencyRecord stored, HttpServletResponse response)
            throws IOException {
        response.setStatus(stored.status());
        response.setHeader("Idempotent-Replayed", "true");
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.body() != null) {
            response.getOutputStream().write(stored.body());
        }
    }

    /** Method, path and body: a replay must be the same request to get the stored answer. */
    private static String fingerprint(CachedBodyRequest request) {
        var target = (request.getMethod() + ' ' + request.getRequestURI() + '\n').getBytes(StandardCharsets.UTF_8);
        return Sha256.hex(target, request.body());
    }
}
