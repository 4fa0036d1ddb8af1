package io.commerce.journey.engine;

/**
 * One journey's steps. {@link #run} is called in a transaction for a due enrollment: it checks the exit
 * conditions again, may send messages (written to the outbox in the same transaction as the step's
 * advance) and says what comes next. A {@link io.commerce.shared.CommerceException} thrown by a step (a
 * refused message, a vanished order) ends the enrollment with the exception's code as the exit reason;
 * any other exception is retried.
 */
public interface Journey {

    /** A stable name, stored on enrollments and used as a metrics tag. */
    String name();

    /** Which stage of the customer's life this journey serves: discovery, purchase or post-purchase. */
    String stage();

    /** The journey's configuration, shown by {@code GET /api/v1/journeys}. */
    JourneySettings settings();

    /** Switched off: no new enrollments, and running ones exit at their next step. */
    default boolean enabled() {
        return settings().enabled();
    }

    Step run(Enrollment enrollment);
}
