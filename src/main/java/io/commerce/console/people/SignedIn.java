package io.commerce.console.people;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A person as Spring Security holds them in their session: who they are, the agent they answer as, their
 * language and role. The password hash is there only until the sign-in is checked, then erased.
 */
public final class SignedIn implements UserDetails, CredentialsContainer {

    private final UUID personId;
    private final String email;
    private final String name;
    private final Role role;
    private final String agentId;
    private final String language;
    private final boolean enabled;
    private final boolean locked;
    private @Nullable String passwordHash;

    SignedIn(Person person, String passwordHash, Instant now) {
        this.personId = person.id();
        this.email = person.email();
        this.name = person.name();
        this.role = person.role();
        this.agentId = person.agentId();
        this.language = person.language();
        this.enabled = person.enabled();
        this.locked = person.lockedAt(now);
        this.passwordHash = passwordHash;
    }

    public UUID personId() {
        return personId;
    }

    public String name() {
        return name;
    }

    public Role role() {
        return role;
    }

    public boolean admin() {
        return role == Role.ADMIN;
    }

    /** The agent of the conversations API this person answers as. */
    public String agentId() {
        return agentId;
    }

    /** The language they chose when they signed in (a later choice is kept in their session). */
    public String language() {
        return language;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedIn that && personId.equals(that.personId);
    }

    @Override
    public int hashCode() {
        return personId.hashCode();
    }

    @Override
    public String toString() {
        return "SignedIn[" + personId + ", " + role + "]"; // no email or name in logs
    }
}
