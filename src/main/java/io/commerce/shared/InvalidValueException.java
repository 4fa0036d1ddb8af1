package io.commerce.shared;

/** A field value that is present but not acceptable (an unknown time zone, a bad language tag, a phone). */
public class InvalidValueException extends CommerceException {

    private final String field;

    public InvalidValueException(String field, String message) {
        this(field, "VALIDATION_FAILED", message);
    }

    protected InvalidValueException(String field, String code, String message) {
        super(Kind.INVALID, code, message);
        this.field = field;
    }

    /** The request field at fault, as listed under the problem's {@code errors}. */
    public String field() {
        return field;
    }
}
