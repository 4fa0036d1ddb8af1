package io.commerce.console;

import static io.commerce.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.commerce.console.people.PeopleService;
import io.commerce.console.people.Role;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** People of the console for MockMvc tests: added through the service, signed in through the form. */
public final class ConsoleTestPeople {

    public static final String PASSWORD = "a long enough password";

    private ConsoleTestPeople() {}

    /** A new person with this role (and agent id); returns their email. */
    public static String person(PeopleService people, Role role) {
        return person(people, role, "en", List.of("en", "es"));
    }

    /** A new person with this role who reads the console in {@code language}; returns their email. */
    public static String person(PeopleService people, Role role, String language) {
        return person(people, role, language, List.of(language));
    }

    private static String person(PeopleService people, Role role, String language, List<String> languages) {
        var id = uniqueId("p");
        people.add(new PeopleService.NewPerson(
                id + "@shop.example", "Person " + id, role, id, language, languages, PASSWORD));
        return id + "@shop.example";
    }

    public static MockHttpSession signedIn(MockMvcTester mvc, String email) {
        return signedIn(mvc, email, PASSWORD);
    }

    public static MockHttpSession signedIn(MockMvcTester mvc, String email, String password) {
        var result = mvc.post()
                .uri("/console/login")
                .param("email", email)
                .param("password", password)
                .with(csrf())
                .exchange();
        assertThat(result).hasStatus(HttpStatus.FOUND).redirectedUrl().endsWith("/console/inbox");
        return (MockHttpSession) result.getRequest().getSession();
    }

    /** The agent id of a person added by {@link #person}. */
    public static String agentOf(String email) {
        return email.substring(0, email.indexOf('@'));
    }
}
