package io.commerce.customer;

import io.commerce.shared.CommerceException;

/** No customer with this id, or one that has been erased. */
public class CustomerNotFoundException extends CommerceException {
    public CustomerNotFoundException(String customerId) {
        super(Kind.NOT_FOUND, "CUSTOMER_NOT_FOUND", "customer '%s' does not exist".formatted(customerId));
    }
}
