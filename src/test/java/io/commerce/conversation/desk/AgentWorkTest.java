package io.commerce.conversation.desk;

import static io.commerce.Api.get;
import static io.commerce.Api.json;
import static io.commerce.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import io.commerce.IntegrationTest;
import io.commerce.TestClock;
import io.commerce.conversation.ConversationService;
import io.commerce.conversation.ServiceDesk;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Agents at work: who gets a new conversation (language, capacity, least loaded), answering inside and outside
 * the service window, labels, notes, snoozing and resolving, and the lists agents filter.
 */
@IntegrationTest
class AgentWorkTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    SnoozeAlarm alarm;

    @Autowired
    ServiceDesk desk;

    @Autowired
    ConversationService conversations;

    @BeforeEach
    void openAroundTheClockWithNobodyAvailable() {
        desk.alwaysOpen();
        desk.noAgentsAvailable();
    }

    @AfterEach
    void backToTheConfiguredHoursAndTime() {
        desk.reset();
    }

    @Test
    void aConversationGoesToAnAgentWhoSpeaksTheLanguageLeastLoadedFirstWithinCapacity() {
        var team = uniqueId("team");
        var dutch = team + "-0";
        var ana = team + "-1";
        var bea = team + "-2";
        desk.agent(dutch, "[\"nl\"]", 5);
        desk.agent(ana, "[\"es\", \"en\"]", 2);
        desk.agent(bea, "[\"es\"]", 1);

        var first = waitingFor(desk.customer("es"));
        var second = waitingFor(desk.customer("es"));
        var third = waitingFor(desk.customer("es"));
        var fourth = waitingFor(desk.customer("es"));

        assertThat(assignee(first)).as("equally loaded: the first by id").isEqualTo(ana);
        assertThat(assignee(second)).as("least loaded").isEqualTo(bea);
        assertThat(assignee(third)).as("bea is at capacity").isEqualTo(ana);
        assertThat(assignee(fourth)).as("everybody who speaks Spanish is full").isNull();
        assertThat(get(mvc, "/api/v1/agents/" + ana))
                .bodyJson()
                .extractingPath("$.openConversations")
                .isEqualTo(2);
    }

    @Test
    void anAgentsLoadFollowsReassignmentAndResolutionSoTheyTakeWorkAgain() {
        var team = uniqueId("team");
        var ana = team + "-1";
        var bea = team + "-2";
        desk.agent(ana, "[\"es\"]", 1);
        var first = waitingFor(desk.customer("es"));
        assertThat(assignee(waitingFor(desk.customer("es")))).as("ana is full").isNull();

        desk.agent(bea, "[\"nl\"]", 1);
        assertThat(json(mvc, HttpMethod.PUT, "/api/v1/conversations/%s/assignee".formatted(first), """
                        {"agentId": "%s"}""".formatted(bea)))
                .hasStatusOk();
        assertLoad(ana, 0);
        assertLoad(bea, 1);
        assertThat(status(first, """
                        {"status": "resolved"}""")).hasStatusOk();
        assertLoad(bea, 0);

        assertThat(assignee(waitingFor(desk.customer("es"))))
                .as("ana has room again")
                .isEqualTo(ana);
        assertLoad(ana, 1);
    }

    private void assertLoad(String agentId, int openConversations) {
        assertThat(get(mvc, "/api/v1/agents/" + agentId))
                .bodyJson()
                .extractingPath("$.openConversations")
                .isEqualTo(openConversations);
    }

    @Test
    void theBotIsSilentWhileAnAgentHasTheConversation() {
        var agent = uniqueId("a");
        desk.agent(agent, "[\"en\"]", 5);
        var customer = desk.customer("en");
        var conversation = waitingFor(customer);

        customer.writes().writeOnWhatsApp("hello? where is my order?");
        desk.awaitCustomerLines(conversation, 2);
        assertThat(reply(conversation, """
                        {"agentId": "%s", "text": "Hi, looking into it"}""".formatted(agent))).hasStatus(HttpStatus.CREATED);
        customer.writes().writeOnWhatsApp("thanks, and can I change the address?");
        desk.awaitCustomerLines(conversation, 3);

        assertThat(desk.sent(customer.id(), "conversation/bot")).hasSize(1); // the first acknowledgement only
        assertThat(assignee(conversation)).isEqualTo(agent);
        desk.conversation(conversation)
                .assertThat()
                .bodyJson()
                .extractingPath("$.waitingSince")
                .as("the customer waits for the agent again")
                .isNotNull();
    }

    @Test
    void nobodyFitsAndTheConversationStaysInTheQueue() {
        desk.agent(uniqueId("a"), "[\"nl\"]", 5);

        var conversation = waitingFor(desk.customer("es"));

        assertThat(assignee(conversation)).isNull();
        assertThat(get(mvc, "/api/v1/conversations?assignee=unassigned&status=open&size=200"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.items[*].conversationId")
                .asArray()
                .contains(conversation);
    }

    @Test
    void anAgentAnswersFreelyInsideTheWindowAndNeedsATemplateOutsideIt() {
        var agent = uniqueId("a");
        desk.agent(agent, "[\"es\"]", 5);
        var customer = desk.customer("es");
        var conversation = waitingFor(customer);

        assertThat(reply(conversation, """
                        {"agentId": "%s", "text": "Hola Lucía, te ayudo con tu pedido."}""".formatted(agent))).hasStatus(HttpStatus.CREATED);
        clock.advance(Duration.ofHours(25));

        assertThat(reply(conversation, """
                        {"agentId": "%s", "text": "¿Sigues ahí?"}""".formatted(agent)))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("SERVICE_WINDOW_CLOSED");
        json(mvc, HttpMethod.PUT, "/api/v1/customers/%s/consents/whatsapp/transactional".formatted(customer.id()), """
                {"status": "granted", "source": "checkout"}""")
                .assertThat()
                .hasStatus2xxSuccessful();
        assertThat(reply(conversation, """
                        {"agentId": "%s", "template": {"key": "order_shipped", "params": {"orderId": "1001"}}}""".formatted(agent))).hasStatus(HttpStatus.CREATED);
        assertThat(desk.sent(customer.id(), "conversation/agent")).hasSize(2);
        desk.conversation(conversation).assertThat().bodyJson().satisfies(body -> {
            assertThat(body).extractingPath("$.firstResponseAt").isNotNull();
            assertThat(body)
                    .extractingPath("$.messages[?(@.author == 'agent')].agentId")
                    .asArray()
                    .containsOnly(agent);
        });
    }

    @Test
    void aCannedResponseSpeaksTheCustomersLanguageWithTheirNameAndLastOrder() {
        var agent = uniqueId("a");
        desk.agent(agent, "[\"es\"]", 5);
        var key = uniqueId("greet");
        json(mvc, HttpMethod.PUT, "/api/v1/canned-responses/" + key, """
                {"texts": {"en": "Hi {firstName}, about order {lastOrderNumber}:",
                           "es": "Hola {firstName}, sobre tu pedido {lastOrderNumber}:"}}""")
                .assertThat()
                .hasStatus2xxSuccessful();
        var customer = desk.customer("es");
        var orderId = uniqueId("o");
        var productId = uniqueId("p");
        io.commerce.Api.mirrorCustomerAndProduct(mvc, uniqueId("c"), productId);
        json(mvc, HttpMethod.PUT, "/api/v1/orders/" + orderId, io.commerce.Api.order(customer.id(), null, productId))
                .assertThat()
                .hasStatus2xxSuccessful();
        var conversation = waitingFor(customer);

        assertThat(reply(conversation, """
                        {"agentId": "%s", "cannedResponse": "%s"}""".formatted(agent, key))).hasStatus(HttpStatus.CREATED);

        assertThat(desk.sent(customer.id(), "conversation/agent"))
                .singleElement()
                .asString()
                .contains("Hola Lucía, sobre tu pedido " + orderId + ":");
        assertThat(reply(conversation, """
                        {"agentId": "%s", "cannedResponse": "no-such-response"}""".formatted(agent))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(reply(conversation, """
                        {"agentId": "%s", "cannedResponse": "%s", "text": "both"}""".formatted(agent, key))).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void unknownConversationsAndAgentsAreNotFound() {
        assertThat(get(mvc, "/api/v1/conversations/" + java.util.UUID.randomUUID()))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("CONVERSATION_NOT_FOUND");
        assertThat(get(mvc, "/api/v1/agents/nobody"))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("AGENT_NOT_FOUND");
        var conversation = waitingFor(desk.customer("en"));
        assertThat(reply(conversation, """
                        {"agentId": "nobody", "text": "hi"}""")).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void labelsNotesAndFiltersOrganiseTheInbox() {
        var agent = uniqueId("a");
        desk.agent(agent, "[\"en\"]", 5);
        var customer = desk.customer("en");
        var conversation = waitingFor(customer);

        assertThat(json(mvc, HttpMethod.PUT, "/api/v1/conversations/%s/labels".formatted(conversation), """
                        {"labels": ["pending-payment", "new-customer"]}"""))
                .hasStatusOk();
        assertThat(json(mvc, HttpMethod.POST, "/api/v1/conversations/%s/notes".formatted(conversation), """
                        {"agentId": "%s", "text": "Paid by transfer, check tomorrow"}""".formatted(
                                agent)))
                .hasStatus(HttpStatus.CREATED);

        assertThat(get(mvc, "/api/v1/conversations?label=pending-payment&assignee=" + agent))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.items[*].conversationId")
                .asArray()
                .containsExactly(conversation);
        assertThat(get(mvc, "/api/v1/conversations?customerId=" + customer.id()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.items[*].conversationId")
                .asArray()
                .containsExactly(conversation);
        desk.conversation(conversation).assertThat().bodyJson().satisfies(body -> {
            assertThat(body).extractingPath("$.labels").asArray().containsExactly("new-customer", "pending-payment");
            assertThat(body).extractingPath("$.notes[0].text").isEqualTo("Paid by transfer, check tomorrow");
        });
    }

    @Test
    void aSnoozedConversationOpensAgainWhenItsTimeComes() {
        var conversation = waitingFor(desk.customer("en"));
        var until = clock.instant().plus(Duration.ofHours(2));

        assertThat(status(conversation, """
                        {"status": "snoozed", "snoozedUntil": "%s"}""".formatted(until)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("snoozed");
        clock.advance(Duration.ofHours(3));
        alarm.wake();

        desk.conversation(conversation)
                .assertThat()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("open");
        assertThat(status(conversation, """
                        {"status": "snoozed"}""")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aMessageAfterResolutionOpensANewConversation() {
        var customer = desk.customer("en");
        var first = waitingFor(customer);
        assertThat(status(first, """
                        {"status": "resolved"}""")).hasStatusOk();

        customer.writes().writeOnWhatsApp("one more thing: a person please");

        var second = desk.conversationOf(customer.phone());
        assertThat(second).isNotEqualTo(first);
        desk.conversation(first)
                .assertThat()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("resolved");
        assertThat(status(first, """
                        {"status": "open"}"""))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("CONVERSATION_ALREADY_OPEN");
    }

    @Test
    void bySmsALoneDigitAfterResolutionIsTheRatingOnWhatsAppItIsANewMessage() {
        var bySms = desk.customer("en");
        bySms.writes().textBySms("talk to a person");
        var smsConversation = desk.conversationOf(bySms.phone());
        desk.botAnswers(bySms.id(), 1);
        assertThat(status(smsConversation, """
                        {"status": "resolved"}""")).hasStatusOk();
        assertThat(desk.botAnswers(bySms.id(), 2).get(1)).contains("Reply with a number from 1 (bad) to 5 (great).");

        bySms.writes().textBySms("4");

        desk.botAnswers(bySms.id(), 3); // the thanks
        desk.conversation(smsConversation)
                .assertThat()
                .bodyJson()
                .extractingPath("$.rating")
                .isEqualTo(4);
        var byWhatsApp = desk.customer("en");
        var whatsAppConversation = waitingFor(byWhatsApp);
        assertThat(status(whatsAppConversation, """
                        {"status": "resolved"}""")).hasStatusOk();
        byWhatsApp.writes().writeOnWhatsApp("4");
        assertThat(desk.conversationOf(byWhatsApp.phone())).isNotEqualTo(whatsAppConversation);
        desk.conversation(whatsAppConversation)
                .assertThat()
                .bodyJson()
                .extractingPath("$.rating")
                .isNull();
    }

    @Test
    void whatTheCustomerWroteCountsAsUnreadUntilAnAgentOpensOrAnswersTheConversation() {
        var agent = uniqueId("a");
        desk.agent(agent, "[\"en\"]", 5);
        var customer = desk.customer("en");
        var conversation = waitingFor(customer);
        customer.writes().writeOnWhatsApp("are you there?");
        desk.awaitCustomerLines(conversation, 2);

        assertUnread(customer, 2);
        conversations.seen(conversation); // the console opened it
        assertUnread(customer, 0);

        customer.writes().writeOnWhatsApp("hello?");
        desk.awaitCustomerLines(conversation, 3);
        assertUnread(customer, 1);
        assertThat(reply(conversation, """
                        {"agentId": "%s", "text": "Yes, here"}""".formatted(agent))).hasStatus(HttpStatus.CREATED);
        assertUnread(customer, 0);
    }

    private void assertUnread(ServiceDesk.Customer customer, int unread) {
        assertThat(get(mvc, "/api/v1/conversations?customerId=" + customer.id()))
                .bodyJson()
                .extractingPath("$.items[0].unread")
                .isEqualTo(unread);
    }

    /** The customer asks for a person; returns the conversation once it waits in the queue. */
    private String waitingFor(ServiceDesk.Customer customer) {
        customer.writes().writeOnWhatsApp("talk to a person");
        var conversation = desk.conversationOf(customer.phone());
        desk.botAnswers(customer.id(), 1);
        return conversation;
    }

    private String assignee(String conversationId) {
        return jdbc.sql("select assignee from conversation where id = cast(? as uuid)")
                .param(conversationId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private MockMvcTester.MockMvcRequestBuilder reply(String conversationId, String body) {
        return json(mvc, HttpMethod.POST, "/api/v1/conversations/%s/messages".formatted(conversationId), body);
    }

    private MockMvcTester.MockMvcRequestBuilder status(String conversationId, String body) {
        return json(mvc, HttpMethod.PUT, "/api/v1/conversations/%s/status".formatted(conversationId), body);
    }
}
