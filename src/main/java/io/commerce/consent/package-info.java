/**
 * Consent per customer, channel and purpose, with an append-only ledger of every change and its
 * evidence (source and wording). Publishes {@link io.commerce.consent.ConsentGranted} and {@link
 * io.commerce.consent.ConsentWithdrawn}; no consent recorded means not granted.
 */
@ApplicationModule(allowedDependencies = {"shared", "customer"})
package io.commerce.consent;

import org.springframework.modulith.ApplicationModule;
