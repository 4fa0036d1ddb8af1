package io.commerce.console.people;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Someone who signs in to the console, and the agent of the conversations API they are. */
public record Person(
        UUID id,
        String email,
        String name,
        Role role,
        String agentId,
        String language,
        boolean enabled,
        int failedSignIns,
        @Nullable Instant lockedUntil,
        Instant createdAt) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
