/**
 * Shopping carts mirrored from the shop, with their lines and checkout link. Publishes {@link
 * io.commerce.cart.CartUpdated} on every real change and {@link io.commerce.cart.CartConverted} when an
 * order names the cart.
 */
@ApplicationModule(allowedDependencies = {"shared", "customer", "catalog"})
package io.commerce.cart;

import org.springframework.modulith.ApplicationModule;
