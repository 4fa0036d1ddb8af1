package io.commerce.journey;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A customer's place in one journey, for one trigger: the step to run next and when. */
record Enrollment(
        UUID id,
        String journey,
        String triggerId,
        String customerId,
        int step,
        Map<String, String> context,
        int attempts,
        Instant nextRunAt,
        UUID claimToken) {}
