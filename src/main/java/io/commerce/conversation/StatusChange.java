package io.commerce.conversation;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A new status; {@code snoozedUntil} is required for {@code snoozed} and only allowed there. */
public record StatusChange(
        @NotNull ConversationStatus status, @Nullable Instant snoozedUntil) {

    @AssertTrue(message = "snoozedUntil goes with status snoozed, and only with it")
    boolean isSnoozeConsistent() {
        return (status == ConversationStatus.SNOOZED) == (snoozedUntil != null);
    }
}
