package io.commerce.conversation;

import static io.commerce.Api.get;
import static io.commerce.Api.json;
import static io.commerce.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.commerce.CustomerReplies;
import io.commerce.TestClock;
import io.commerce.messaging.sms.SmsSecrets;
import io.commerce.messaging.whatsapp.WhatsAppSecrets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The customer-service scene of a test: customers who write through the real webhooks, the shop's opening
 * hours and agents set through the API, and what the bot and agents sent, read from the outbox.
 */
@TestComponent
public final class ServiceDesk {

    /** A customer of the test: their id, number, and their thumbs on the real webhooks. */
    public record Customer(String id, String phone, CustomerReplies writes) {}

    private final MockMvcTester mvc;
    private final JdbcClient jdbc;
    private final WhatsAppSecrets whatsApp;
    private final SmsSecrets sms;
    private final TestClock clock;

    ServiceDesk(MockMvcTester mvc, JdbcClient jdbc, WhatsAppSecrets whatsApp, SmsSecrets sms, TestClock clock) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.whatsApp = whatsApp;
        this.sms = sms;
        this.clock = clock;
    }

    /** A new customer speaking {@code language}, with a number nobody else in the run has. */
    public Customer customer(String language) {
        var id = uniqueId("c");
        var phone = phone();
        json(mvc, HttpMethod.PUT, "/api/v1/customers/" + id, """
                {"phone": "%s", "firstName": "Lucía", "language": "%s"}""".formatted(phone, language))
                .assertThat()
                .hasStatus2xxSuccessful();
        return new Customer(id, phone, writer(phone));
    }

    /** Someone the shop does not know yet. */
    public CustomerReplies stranger(String phone) {
        return writer(phone);
    }

    public static String phone() {
        return "+346" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private CustomerReplies writer(String phone) {
        return new CustomerReplies(mvc, whatsApp, sms, clock, phone);
    }

    /** Opening hours every day, around the clock, in Madrid. */
    public void alwaysOpen() {
        hours("""
                {"timezone": "Europe/Madrid", "weekly": {"mon": [["00:00", "24:00"]], "tue": [["00:00", "24:00"]],
                 "wed": [["00:00", "24:00"]], "thu": [["00:00", "24:00"]], "fri": [["00:00", "24:00"]],
                 "sat": [["00:00", "24:00"]], "sun": [["00:00", "24:00"]]}, "closures": []}""");
    }

    public void hours(String body) {
        json(mvc, HttpMethod.PUT, "/api/v1/business-hours", body).assertThat().hasStatusOk();
    }

    /** Back to the configured business hours, no agent available, the real time. */
    public void reset() {
        jdbc.sql("delete from business_hours").update();
        noAgentsAvailable();
        clock.reset();
    }

    /** No agent takes new conversations (other tests leave theirs behind). */
    public void noAgentsAvailable() {
        jdbc.sql("update agent set available = false").update();
    }

    public void agent(String agentId, String languages, int capacity) {
        json(mvc, HttpMethod.PUT, "/api/v1/agents/" + agentId, """
                {"name": "Agent %s", "languages": %s, "maxOpenConversations": %d, "available": true}""".formatted(agentId, languages, capacity))
                .assertThat()
                .hasStatus2xxSuccessful();
    }

    /** Waits for the bot's {@code count}-th answer to the customer and returns all its answers' JSON. */
    public List<String> botAnswers(String customerId, int count) {
        return await().atMost(Duration.ofSeconds(10))
                .until(() -> sent(customerId, "conversation/bot"), answers -> answers.size() >= count);
    }

    /** What the service sent the customer from {@code origin}, oldest first, as the content's JSON. */
    public List<String> sent(String customerId, String origin) {
        return jdbc.sql("""
                        select coalesce(sms_text, content::text) from message
                         where customer_id = :customer and origin = :origin order by created_at, id
                        """)
                .param("customer", customerId)
                .param("origin", origin)
                .query(String.class)
                .list();
    }

    /** The customer's conversation that is not resolved, once the router made it. */
    public String conversationOf(String phone) {
        return await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> jdbc.sql(
                                        "select id::text from conversation where phone = :phone and status <> 'RESOLVED'")
                                .param("phone", phone)
                                .query(String.class)
                                .optional(),
                        java.util.Optional::isPresent)
                .get();
    }

    /** How many lines the customer wrote in the conversation, once the router stored {@code count}. */
    public void awaitCustomerLines(String conversationId, int count) {
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> jdbc.sql("""
                                        select count(*) from conversation_message
                                         where conversation_id = cast(:id as uuid) and author = 'CUSTOMER'
                                        """)
                                .param("id", conversationId)
                                .query(Long.class)
                                .single(),
                        lines -> lines >= count);
    }

    public MvcTestResult conversation(String conversationId) {
        return get(mvc, "/api/v1/conversations/" + conversationId).exchange();
    }

    public void assertNoBotAnswer(String customerId) {
        assertThat(sent(customerId, "conversation/bot")).isEmpty();
    }
}
