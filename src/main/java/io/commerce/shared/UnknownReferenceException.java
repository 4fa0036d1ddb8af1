package io.commerce.shared;

/** A request body names something this service does not know (a customer, a variant): 422. */
public class UnknownReferenceException extends CommerceException {
    public UnknownReferenceException(String code, String message) {
        super(Kind.UNPROCESSABLE, code, message);
    }
}
