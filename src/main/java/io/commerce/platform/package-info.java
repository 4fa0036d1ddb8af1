/**
 * Configuration only: the clock, JSON, problem details, API-key security, request limits, idempotency
 * keys, OpenAPI and the embedded PostgreSQL used when no external database is configured. It owns no
 * domain data and publishes nothing.
 */
@ApplicationModule(allowedDependencies = "shared")
package io.commerce.platform;

import org.springframework.modulith.ApplicationModule;
