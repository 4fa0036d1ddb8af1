package io.commerce.journey;

/**
 * One journey's steps. {@link #run} is called in a transaction for a due enrollment: it checks the exit
 * conditions again, may send messages (written to the outbox in the same transaction as the step's
 * advance) and says what comes next.
 */
interface Journey {

    /** A stable name, stored on enrollments. */
    String name();

    Step run(Enrollment enrollment);
}
