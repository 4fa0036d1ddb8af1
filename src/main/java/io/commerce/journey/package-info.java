/**
 * The customer journey: durable enrollments created from domain events (one per journey and trigger) and
 * advanced by a runner that claims due enrollments with FOR UPDATE SKIP LOCKED; each step may send through
 * {@code messaging}, wait, or end, and exit conditions are checked again at every step.
 */
@ApplicationModule(
        allowedDependencies = {
            "shared",
            "customer",
            "consent",
            "catalog",
            "cart",
            "order",
            "messaging",
            "promotion",
            "conversation"
        })
package io.commerce.journey;

import org.springframework.modulith.ApplicationModule;
