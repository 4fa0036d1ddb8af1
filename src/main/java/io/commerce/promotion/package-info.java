/**
 * Discount codes: unique, single-use, with a value (an amount or a percentage), a minimum spend and an
 * expiry, issued to one customer (by journeys, or by the shop) and redeemed by the shop at checkout.
 * Publishes {@link io.commerce.promotion.CodeIssued} and {@link io.commerce.promotion.CodeRedeemed}.
 */
@ApplicationModule(allowedDependencies = {"shared", "customer"})
package io.commerce.promotion;

import org.springframework.modulith.ApplicationModule;
