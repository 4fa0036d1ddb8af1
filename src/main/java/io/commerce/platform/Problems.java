package io.commerce.platform;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds RFC 9457 problem details with the stable {@code code} that clients switch on. Every error the
 * service answers goes through here, whether it comes from a controller, a filter or the container.
 */
final class Problems {

    static final String CODE = "code";
    static final String ERRORS = "errors";

    private static final Map<Integer, String> CODES_BY_STATUS = Map.ofEntries(
            Map.entry(400, "MALFORMED_REQUEST"),
            Map.entry(401, "UNAUTHORIZED"),
            Map.entry(403, "FORBIDDEN"),
            Map.entry(404, "NOT_FOUND"),
            Map.entry(405, "METHOD_NOT_ALLOWED"),
            Map.entry(406, "NOT_ACCEPTABLE"),
            Map.entry(409, "CONFLICT"),
            Map.entry(413, "PAYLOAD_TOO_LARGE"),
            Map.entry(415, "UNSUPPORTED_MEDIA_TYPE"),
            Map.entry(422, "UNPROCESSABLE_CONTENT"),
            Map.entry(500, "INTERNAL_ERROR"),
            Map.entry(503, "UNAVAILABLE"));

    /** One rejected field of a request, as listed under {@code errors}. */
    record FieldError(String field, String message) {}

    private Problems() {}

    static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty(CODE, code);
        return problem;
    }

    /** The generic problem of a status, for errors that say nothing more (the container's, unknown paths). */
    static ProblemDetail forStatus(HttpStatusCode status) {
        var reason = HttpStatus.resolve(status.value());
        var detail =
                status.is5xxServerError() || reason == null ? "an unexpected error occurred" : reason.getReasonPhrase();
        return of(status, defaultCode(status.value()), detail);
    }

    static ProblemDetail validationFailed(String detail, List<FieldError> errors) {
        var problem = of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", detail);
        problem.setProperty(ERRORS, errors);
        return problem;
    }

    /** Gives a problem that has no code yet the generic code of its status. */
    static ProblemDetail withDefaultCode(ProblemDetail problem) {
        if (problem.getProperties() == null || !problem.getProperties().containsKey(CODE)) {
            problem.setProperty(CODE, defaultCode(problem.getStatus()));
        }
        if (problem.getType() == null) {
            problem.setType(URI.create("about:blank"));
        }
        return problem;
    }

    static String defaultCode(int status) {
        return CODES_BY_STATUS.getOrDefault(status, status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST");
    }
}
