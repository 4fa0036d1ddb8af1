/**
 * The shop's catalogue: products, their variants with price and inventory, and customers'
 * back-in-stock subscriptions. Publishes {@link io.commerce.catalog.VariantRestocked} (inventory from 0
 * to more) and {@link io.commerce.catalog.PriceDropped}.
 */
@ApplicationModule(allowedDependencies = {"shared", "customer"})
package io.commerce.catalog;

import org.springframework.modulith.ApplicationModule;
