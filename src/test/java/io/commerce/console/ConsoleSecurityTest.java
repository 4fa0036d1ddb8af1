package io.commerce.console;

import static io.commerce.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.commerce.IntegrationTest;
import io.commerce.console.people.PeopleService;
import io.commerce.console.people.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The console's own filter chain beside the API's: a session never opens the API and an API key never opens
 * the console; sign-in by form with CSRF; admins alone manage people; the first admin comes from the
 * configuration; passwords are stored as Spring Security's delegating encoder writes them.
 */
@IntegrationTest
class ConsoleSecurityTest {

    private static final String PASSWORD = ConsoleTestPeople.PASSWORD;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    PeopleService people;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anApiKeyNeverOpensTheConsole() {
        assertThat(mvc.get().uri("/console/inbox").header("X-Api-Key", "test-key"))
                .hasStatus(HttpStatus.FOUND)
                .redirectedUrl()
                .endsWith("/console/login");
    }

    @Test
    void aConsoleSessionNeverOpensTheApi() {
        var session = signedIn(agent(Role.ADMIN));

        assertThat(mvc.get().uri("/console/inbox").session(session)).hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/customers").session(session))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.get().uri("/actuator/prometheus").session(session)).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void signingInWithoutTheFormsCsrfTokenIsRefused() {
        var email = agent(Role.AGENT);

        assertThat(mvc.post().uri("/console/login").param("email", email).param("password", PASSWORD))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/console/login")
                        .param("email", email)
                        .param("password", PASSWORD)
                        .with(csrf()))
                .hasStatus(HttpStatus.FOUND)
                .redirectedUrl()
                .endsWith("/console/inbox");
    }

    @Test
    void onlyAdminsManagePeople() {
        var agent = signedIn(agent(Role.AGENT));
        var admin = signedIn(agent(Role.ADMIN));

        assertThat(mvc.get().uri("/console/people").session(agent)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/console/people").session(admin)).hasStatusOk();
        var added = uniqueId("added");
        assertThat(mvc.post()
                        .uri("/console/people")
                        .session(admin)
                        .with(csrf())
                        .param("name", "Joost")
                        .param("email", added + "@shop.example")
                        .param("role", "AGENT")
                        .param("agentId", added)
                        .param("language", "nl")
                        .param("languages", "nl, en")
                        .param("password", PASSWORD))
                .hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri("/api/v1/agents/" + added).header("X-Api-Key", "test-key"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.languages")
                .asArray()
                .containsExactly("nl", "en"); // the person is the conversations API's agent
        signedIn(added + "@shop.example");
    }

    @Test
    void onlyAdminsCancelACampaign() throws Exception {
        var agent = signedIn(agent(Role.AGENT));
        var admin = signedIn(agent(Role.ADMIN));
        var campaign = mvc.post()
                .uri("/api/v1/campaigns")
                .header("X-Api-Key", "test-key")
                .contentType("application/json")
                .content("""
                        {"name": "Later", "template": "promotion", "channel": "whatsapp",
                         "scheduledAt": "2099-01-01T10:00:00Z", "segment": {"tags": ["%s"]},
                         "params": {"promotion": "20%% off", "url": "https://shop.example/sale"}}""".formatted(uniqueId("nobody")))
                .exchange();
        assertThat(campaign).hasStatus(HttpStatus.CREATED);
        var id = com.jayway.jsonpath.JsonPath.<String>read(
                campaign.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8), "$.id");
        var cancel = "/console/campaigns/" + id + "/cancel";

        assertThat(mvc.post().uri(cancel).session(agent).with(csrf())).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri(cancel).session(admin)).hasStatus(HttpStatus.FORBIDDEN); // no CSRF token
        assertThat(mvc.post().uri(cancel).session(admin).with(csrf()))
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/console/campaigns/" + id + "?cancelled");
        assertThat(mvc.get().uri("/api/v1/campaigns/" + id).header("X-Api-Key", "test-key"))
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("cancelled");
    }

    @Test
    void theFirstAdminComesFromTheConfigurationWithAHashedPassword() {
        signedIn("admin@test.example", "test-admin-password");

        var hash = jdbc.sql("select password_hash from person where email = 'admin@test.example'")
                .query(String.class)
                .single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain("test-admin-password");
    }

    @Test
    void aShortPasswordIsRefusedWhenAddingAPerson() {
        var admin = signedIn(agent(Role.ADMIN));
        var added = uniqueId("short");

        assertThat(mvc.post()
                        .uri("/console/people")
                        .session(admin)
                        .with(csrf())
                        .param("name", "Ana")
                        .param("email", added + "@shop.example")
                        .param("role", "AGENT")
                        .param("agentId", added)
                        .param("language", "es")
                        .param("languages", "es")
                        .param("password", "short"))
                .hasStatusOk() // the form again, with the error beside the field
                .bodyText()
                .doesNotContain("value=\"short\"");
        assertThat(jdbc.sql("select count(*) from person where agent_id = :agent")
                        .param("agent", added)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private String agent(Role role) {
        return ConsoleTestPeople.person(people, role);
    }

    private MockHttpSession signedIn(String email) {
        return ConsoleTestPeople.signedIn(mvc, email);
    }

    private MockHttpSession signedIn(String email, String password) {
        return ConsoleTestPeople.signedIn(mvc, email, password);
    }
}
