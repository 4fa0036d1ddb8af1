package io.commerce.platform;

import io.commerce.platform.Problems.FieldError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Parses the query string (and a form body) of every request before anything else reads it, so that a
 * malformed one ({@code ?=1}, {@code ?a=%ZZ}, more than {@code server.tomcat.max-parameter-count}) is a 400
 * problem here (a form over {@code server.tomcat.max-http-form-post-size} a 413) rather than an exception
 * wherever Tomcat happens to parse it lazily. No parameter of this service takes several values:
 * a name given twice ({@code ?page=1&page=2}) is a 400 too, instead of a value picked or joined silently.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class RequestParametersFilter extends OncePerRequestFilter {

    private final ProblemWriter problems;

    RequestParametersFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (InvalidParameterException e) {
            var status = HttpStatus.resolve(e.getErrorCode()); // 413 for a form over the size limit
            if (status == null || !status.is4xxClientError()) {
                status = HttpStatus.BAD_REQUEST;
            }
            problems.write(
                    response,
                    status,
                    Problems.defaultCode(status.value()),
                    "the query string or form body cannot be read: an empty name, a bad %-escape, too many"
                            + " parameters or too large");
            return;
        }
        var repeated = parameters.entrySet().stream()
                .filter(parameter -> parameter.getValue().length > 1)
                .map(parameter -> new FieldError(parameter.getKey(), "is given more than once"))
                .toList();
        if (!repeated.isEmpty()) {
            problems.write(response, Problems.validationFailed("a parameter may be given only once", repeated));
            return;
        }
        chain.doFilter(request, response);
    }
}
