package io.commerce.console.people;

/** The email or the agent id of a new person belongs to someone already. */
public class PersonConflictException extends RuntimeException {

    public PersonConflictException(String email, String agentId) {
        super("a person with this email or agent id (" + agentId + ") exists already");
    }
}
