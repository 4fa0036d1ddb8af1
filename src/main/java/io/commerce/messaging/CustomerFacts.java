package io.commerce.messaging;

import java.util.Map;
import java.util.Set;

/**
 * Facts about a customer that another module keeps and any template may name as a parameter (loyalty's
 * {@code loyaltyPoints} and {@code loyaltyTier}): when a template declares a parameter the sender did not give,
 * {@link MessagingService#send} asks the implementations for it. Implemented downstream, so messaging depends on
 * no module that keeps them.
 */
public interface CustomerFacts {

    /** Of the parameter names asked for, those this module knows for the customer, with their values. */
    Map<String, String> of(String customerId, Set<String> names);
}
