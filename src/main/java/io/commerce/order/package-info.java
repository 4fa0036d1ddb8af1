/**
 * Orders mirrored from the shop and their life: placed, shipped (one or more shipments), delivered or
 * cancelled; an order naming a cart converts it. Publishes {@link io.commerce.order.OrderPlaced},
 * {@link io.commerce.order.OrderShipped}, {@link io.commerce.order.OrderDelivered} and {@link
 * io.commerce.order.OrderCancelled}.
 */
@ApplicationModule(allowedDependencies = {"shared", "customer", "catalog", "cart"})
package io.commerce.order;

import org.springframework.modulith.ApplicationModule;
