package io.commerce.shared;

/**
 * Base of every domain exception: a stable machine-readable {@link #code()} and a {@link Kind} that the
 * platform maps to an HTTP status, so modules state what went wrong without knowing about HTTP.
 */
public abstract class CommerceException extends RuntimeException {

    /** What sort of failure this is; the platform turns it into a status code. */
    public enum Kind {
        /** The request is malformed or a value is invalid (400). */
        INVALID,
        /** The caller did not prove who it is (401): a missing or wrong signature. */
        UNAUTHENTICATED,
        /** The addressed resource does not exist (404). */
        NOT_FOUND,
        /** The resource is in a state that forbids the change (409). */
        CONFLICT,
        /** The request is well-formed but refers to things that do not exist (422). */
        UNPROCESSABLE,
        /** The content is larger than allowed (413). */
        TOO_LARGE,
        /** The content's type is not accepted (415). */
        UNSUPPORTED_TYPE
    }

    private final Kind kind;
    private final String code;

    protected CommerceException(Kind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }
}
