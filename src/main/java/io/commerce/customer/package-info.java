/**
 * Customers as the shop knows them: profile, phone (E.164), language, time zone, tags and attributes,
 * with GDPR export and erasure across every module that holds personal data ({@link
 * io.commerce.customer.PersonalDataHolder}). Publishes {@link io.commerce.customer.CustomerRegistered}
 * and {@link io.commerce.customer.CustomerErased}.
 */
@ApplicationModule(allowedDependencies = "shared")
package io.commerce.customer;

import org.springframework.modulith.ApplicationModule;
