package io.commerce.customer;

import java.time.Instant;

/** A customer's personal data was erased (GDPR art. 17); downstream modules forget what they hold. */
public record CustomerErased(String customerId, Instant erasedAt) {}
