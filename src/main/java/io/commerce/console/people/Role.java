package io.commerce.console.people;

/** What a person may do in the console: agents answer customers; admins also manage the people. */
public enum Role {
    AGENT,
    ADMIN
}
