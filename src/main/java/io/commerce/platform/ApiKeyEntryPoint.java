package io.commerce.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/** A missing or unknown API key: 401 problem+json with code {@code UNAUTHORIZED}, naming which of the two. */
class ApiKeyEntryPoint implements AuthenticationEntryPoint {

    private final ProblemWriter problems;

    ApiKeyEntryPoint(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        var header = ApiKeyAuthentication.HEADER;
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "ApiKey header=\"" + header + "\"");
        var detail = request.getHeader(header) == null
                ? "the " + header + " header is missing"
                : "the " + header + " header does not hold a valid key";
        problems.write(response, HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", detail);
    }
}
