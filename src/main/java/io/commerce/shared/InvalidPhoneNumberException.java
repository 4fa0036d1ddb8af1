package io.commerce.shared;

/** A phone number that libphonenumber does not accept as a valid, dialable number. */
public class InvalidPhoneNumberException extends CommerceException {
    public InvalidPhoneNumberException(String message) {
        super(Kind.INVALID, "INVALID_PHONE_NUMBER", message);
    }
}
