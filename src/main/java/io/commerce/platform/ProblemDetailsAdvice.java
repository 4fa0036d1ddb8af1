package io.commerce.platform;

import io.commerce.platform.Problems.FieldError;
import io.commerce.shared.CommerceException;
import io.commerce.shared.InvalidValueException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns every exception a controller can raise into problem+json with a stable {@code code}: Spring's
 * own (malformed JSON, validation, media types, unknown paths) and the modules' {@link CommerceException}s.
 * Bad input is always a 4xx; only a bug in the service is a 500.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(CommerceException.class)
    ResponseEntity<Object> handleCommerce(CommerceException e) {
        var status = switch (e.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case UNSUPPORTED_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
        };
        var problem = Problems.of(status, e.code(), e.getMessage());
        if (e instanceof InvalidValueException invalid) {
            problem.setProperty(Problems.ERRORS, List.of(new FieldError(invalid.field(), e.getMessage())));
        }
        return problemResponse(problem);
    }

    @ExceptionHandler({OptimisticLockingFailureException.class, PessimisticLockingFailureException.class})
    ResponseEntity<Object> handleConcurrentWrite(RuntimeException e) {
        return problemResponse(Problems.of(
                HttpStatus.CONFLICT,
                "CONCURRENT_MODIFICATION",
                "the resource was changed by another request at the same time; retry"));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> handleIntegrity(DataIntegrityViolationException e) {
        log.warn(
                "write refused by a database constraint: {}",
                e.getMostSpecificCause().getMessage());
        return problemResponse(Problems.of(
                HttpStatus.CONFLICT, "CONCURRENT_MODIFICATION", "the write conflicts with the stored data; retry"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception e) {
        log.error("unexpected error", e);
        return problemResponse(
                Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "an unexpected error occurred"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problemResponse(describeUnreadable(e));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = e.getBindingResult().getFieldErrors().stream()
                .map(ProblemDetailsAdvice::fieldError)
                .toList();
        return problemResponse(Problems.validationFailed("the request has invalid fields", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result instanceof ParameterErrors objectErrors
                        ? objectErrors.getFieldErrors().stream().map(ProblemDetailsAdvice::fieldError)
                        : result.getResolvableErrors().stream()
                                .map(error -> new FieldError(parameterName(result), error.getDefaultMessage())))
                .toList();
        return problemResponse(Problems.validationFailed("the request has invalid parameters", errors));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var field = e.getPropertyName() == null ? "parameter" : e.getPropertyName();
        return problemResponse(Problems.validationFailed(
                "the request has invalid parameters",
                List.of(new FieldError(field, "'%s' is not an accepted value".formatted(e.getValue())))));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            return ResponseEntity.status(status)
                    .headers(headers)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.withDefaultCode(problem));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static FieldError fieldError(org.springframework.validation.FieldError error) {
        var message = error.isBindingFailure()
                ? "'%s' is not an accepted value".formatted(error.getRejectedValue())
                : error.getDefaultMessage();
        return new FieldError(error.getField(), message);
    }

    private static ProblemDetail describeUnreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MismatchedInputException mismatch
                    && !mismatch.getPath().isEmpty()) {
                var message = cause instanceof InvalidFormatException invalid
                        ? "'%s' is not an accepted value".formatted(invalid.getValue())
                        : "has the wrong type or format";
                return Problems.validationFailed(
                        "the request has invalid fields", List.of(new FieldError(fieldPath(mismatch), message)));
            }
            if (cause instanceof JacksonException) {
                return Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_JSON", "the request body is not valid JSON");
            }
        }
        return Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "the request body is missing or unreadable");
    }

    private static String fieldPath(JacksonException e) {
        var path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String parameterName(ParameterValidationResult result) {
        var name = result.getMethodParameter().getParameterName();
        return name == null ? "parameter" : name;
    }

    private static ResponseEntity<Object> problemResponse(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.withDefaultCode(problem));
    }
}
