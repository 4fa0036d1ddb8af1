package io.commerce.console.people;

import io.commerce.conversation.agents.AgentDetails;
import io.commerce.conversation.agents.AgentDirectory;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people who sign in to the console: found by email for Spring Security's form sign-in, created and kept
 * by admins. Each person is an agent of the conversations API, created or updated with them.
 */
@Service
public class PeopleService implements UserDetailsService {

    /** Who an admin adds: the agent id is how the conversations API knows them (an existing agent is taken over). */
    public record NewPerson(
            String email,
            String name,
            Role role,
            String agentId,
            String language,
            List<String> languages,
            String password) {}

    private final People people;
    private final AgentDirectory agents;
    private final PasswordEncoder passwords;
    private final Clock clock;

    PeopleService(People people, AgentDirectory agents, PasswordEncoder passwords, Clock clock) {
        this.people = people;
        this.agents = agents;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public SignedIn loadUserByUsername(String email) {
        var person = people.byEmail(email).orElseThrow(() -> new UsernameNotFoundException("no such person"));
        var hash = people.passwordHash(person.id()).orElseThrow();
        return new SignedIn(person, hash, clock.instant());
    }

    @Transactional(readOnly = true)
    public List<Person> list() {
        return people.all();
    }

    /** @throws PersonConflictException when the email or the agent id already belongs to someone */
    @Transactional
    public Person add(NewPerson request) {
        var now = clock.instant();
        agents.upsert(
                request.agentId(),
                new AgentDetails(
                        request.name(), request.email(), request.languages(), 20, request.role() == Role.AGENT));
        var person = new Person(
                UUID.randomUUID(),
                request.email().trim(),
                request.name(),
                request.role(),
                request.agentId(),
                request.language(),
                true,
                0,
                null,
                now);
        if (!people.insert(person, passwords.encode(request.password()))) {
            throw new PersonConflictException(request.email(), request.agentId());
        }
        return person;
    }

    /** The first admin, unless one exists already (another instance may be creating it at the same moment). */
    @Transactional
    public boolean addFirstAdmin(String email, String password) {
        if (people.anyAdmin()) {
            return false;
        }
        try {
            add(new NewPerson(email, "Admin", Role.ADMIN, "admin", "en", List.of("en"), password));
            return true;
        } catch (PersonConflictException e) {
            return false;
        }
    }

    @Transactional
    public void chooseLanguage(UUID personId, String language) {
        people.language(personId, language, clock.instant());
    }

    @Transactional
    public void changePassword(UUID personId, String password) {
        people.password(personId, passwords.encode(password), clock.instant());
    }

    @Transactional
    public void enable(UUID personId, boolean enabled) {
        people.enabled(personId, enabled, clock.instant());
    }

    @Transactional
    public void unlock(UUID personId) {
        people.unlock(personId, clock.instant());
    }
}
