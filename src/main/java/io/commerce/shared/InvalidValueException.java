package io.commerce.shared;

/** A field value that is syntactically present but not acceptable (an unknown time zone, a bad language tag). */
public class InvalidValueException extends CommerceException {

    private final String field;

    public InvalidValueException(String field, String message) {
        super(Kind.INVALID, "VALIDATION_FAILED", message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
