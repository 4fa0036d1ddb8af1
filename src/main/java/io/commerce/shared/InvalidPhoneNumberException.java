package io.commerce.shared;

/** A phone number that libphonenumber does not accept as a valid, dialable number. */
public class InvalidPhoneNumberException extends InvalidValueException {
    public InvalidPhoneNumberException(String message) {
        super("phone", "INVALID_PHONE_NUMBER", message);
    }
}
