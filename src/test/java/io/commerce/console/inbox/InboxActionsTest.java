package io.commerce.console.inbox;

import static io.commerce.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.commerce.IntegrationTest;
import io.commerce.console.ConsoleTestPeople;
import io.commerce.console.people.PeopleService;
import io.commerce.console.people.Role;
import io.commerce.conversation.ServiceDesk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.json.AbstractJsonContentAssert;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * What an agent does to a conversation from the inbox's forms, each with its CSRF token: a canned response
 * filled in for the customer, a note, labels, taking it, snoozing and resolving it; what the service refuses
 * comes back as a message on the page; the page never sends anyone elsewhere.
 */
@IntegrationTest
class InboxActionsTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    PeopleService people;

    @Autowired
    ServiceDesk desk;

    private MockHttpSession session;
    private String agent;
    private String conversation;

    @BeforeEach
    void anAgentAndACustomerWhoWrote() {
        desk.alwaysOpen();
        desk.noAgentsAvailable();
        var email = ConsoleTestPeople.person(people, Role.AGENT);
        agent = ConsoleTestPeople.agentOf(email);
        session = ConsoleTestPeople.signedIn(mvc, email);
        var customer = desk.customer("es");
        customer.writes().writeOnWhatsApp("hola, ¿dónde está mi pedido?");
        conversation = desk.conversationOf(customer.phone());
    }

    @AfterEach
    void backToTheConfiguredHours() {
        desk.reset();
    }

    @Test
    void anAgentAnswersWithACannedResponseNotesLabelsTakesSnoozesAndResolves() {
        json(mvc, HttpMethod.PUT, "/api/v1/canned-responses/gracias-" + agent, """
                {"texts": {"es": "¡Gracias, {firstName}!", "en": "Thanks, {firstName}!"}}""")
                .assertThat()
                .hasStatus2xxSuccessful();

        act("reply", "canned", "gracias-" + agent);
        act("notes", "text", "called the carrier");
        act("labels", "labels", "vip, returns, vip");
        act("assignee", "agent", "me");
        act("status", "status", "snoozed", "snoozeHours", "4");
        view().extractingPath("$.status").isEqualTo("snoozed");
        act("status", "status", "resolved");

        var view = view();
        view.extractingPath("$.status").isEqualTo("resolved");
        view.extractingPath("$.assignee").isEqualTo(agent);
        view.extractingPath("$.labels").asArray().containsExactlyInAnyOrder("vip", "returns");
        view.extractingPath("$.notes[0].text").isEqualTo("called the carrier");
        view.extractingPath("$.messages[?(@.author == 'agent')].text").asArray().containsExactly("¡Gracias, Lucía!");
    }

    @Test
    void aReplyTheServiceRefusesComesBackAsAMessageOnThePage() {
        var refused = mvc.post()
                .uri("/console/conversations/" + conversation + "/reply")
                .session(session)
                .with(csrf())
                .param("text", "")
                .param("back", "?view=all&c=" + conversation)
                .exchange();

        assertThat(refused)
                .hasStatus(HttpStatus.FOUND)
                .redirectedUrl()
                .isEqualTo("/console/inbox?view=all&c=" + conversation);
        assertThat(refused).flash().containsEntry("refusedCode", "VALIDATION_FAILED");
        assertThat(mvc.get()
                        .uri("/console/inbox?view=all&c=" + conversation)
                        .session(session)
                        .flashAttr("refusedCode", "VALIDATION_FAILED"))
                .hasStatusOk()
                .bodyText()
                .contains("Write a message, or choose a canned response, a template or a file.");
    }

    @Test
    void aFormSendsThePersonBackToTheInboxOnly() {
        assertThat(mvc.post()
                        .uri("/console/conversations/" + conversation + "/notes")
                        .session(session)
                        .with(csrf())
                        .param("text", "a note")
                        .param("back", "//evil.example/phish"))
                .hasStatus(HttpStatus.FOUND)
                .redirectedUrl()
                .isEqualTo("/console/inbox");
    }

    @Test
    void anUnknownConversationIsAPageSayingSo() {
        assertThat(mvc.get()
                        .uri("/console/inbox?view=all&c=00000000-0000-0000-0000-000000000000")
                        .session(session))
                .hasStatus(HttpStatus.NOT_FOUND)
                .hasContentTypeCompatibleWith(MediaType.TEXT_HTML)
                .bodyText()
                .contains("That conversation does not exist.");
    }

    private void act(String action, String... params) {
        var request = mvc.post()
                .uri("/console/conversations/" + conversation + "/" + action)
                .session(session)
                .with(csrf())
                .param("back", "?view=all&c=" + conversation);
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        var result = request.exchange();
        assertThat(result).hasStatus(HttpStatus.FOUND);
        assertThat(result).flash().as(action).doesNotContainKey("refusedCode");
    }

    private AbstractJsonContentAssert<?> view() {
        return assertThat(io.commerce.Api.get(mvc, "/api/v1/conversations/" + conversation))
                .bodyJson();
    }
}
