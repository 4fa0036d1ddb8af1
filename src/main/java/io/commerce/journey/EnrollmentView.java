package io.commerce.journey;

import java.time.Instant;

/**
 * An enrollment as the API shows it: the journey, what triggered it, the step it is at, its status
 * ({@code active}, {@code completed}, {@code converted}, {@code exited}) and why it ended.
 */
public record EnrollmentView(
        String enrollmentId,
        String journey,
        String triggerId,
        int step,
        String status,
        String exitReason,
        Instant nextRunAt,
        boolean awaitingReply,
        Instant enrolledAt,
        Instant updatedAt) {}
