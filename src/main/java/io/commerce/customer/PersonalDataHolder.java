package io.commerce.customer;

/**
 * Implemented by every module that keeps data about a customer, so that the GDPR export gathers all of
 * it and an erasure removes all of it, in the same transaction as the customer's own erasure. This lets
 * {@code customer} stay upstream: it knows the role, not the modules.
 */
public interface PersonalDataHolder {

    /** The name of this holder's part of the export, e.g. {@code consents}. */
    String section();

    /** Everything this module holds about the customer, ready to be written as JSON. */
    Object export(String customerId);

    /** Removes or anonymises the customer's personal data; called inside the erasure transaction. */
    void erase(String customerId);
}
