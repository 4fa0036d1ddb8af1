package io.commerce.conversation.routing;

import static io.commerce.Api.json;
import static io.commerce.Api.mirrorCustomerAndProduct;
import static io.commerce.Api.order;
import static io.commerce.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import io.commerce.IntegrationTest;
import io.commerce.conversation.ServiceDesk;
import io.commerce.messaging.InboundMessagesReceived;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The bot answers what it can, in the customer's language, through the real webhooks and the outbox: order
 * status (the customer's own orders only), FAQ entries, the menu, and a person when asked or after two misses.
 */
@IntegrationTest
class AutomaticAnswersTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ServiceDesk desk;

    @BeforeEach
    void openAroundTheClockWithNobodyAvailable() {
        desk.alwaysOpen();
        desk.noAgentsAvailable();
    }

    @AfterEach
    void backToTheConfiguredHoursAndTime() {
        desk.reset();
    }

    @Autowired
    ApplicationEvents events;

    @Autowired
    InboundRouter router;

    @Test
    void messagesDeliveredAgainToTheRouterAreTakenWithoutErrorAndNotAnsweredTwice() {
        var customer = desk.customer("en");
        customer.writes().writeOnWhatsApp("hello");
        desk.botAnswers(customer.id(), 1);
        var batch = events.stream(InboundMessagesReceived.class)
                .filter(received ->
                        customer.id().equals(received.messages().getFirst().customerId()))
                .findFirst()
                .orElseThrow();

        // as after a crash between routing's commit and the event's completion: called on this thread, so that
        // a failure (which would leave the event to be delivered again and again) is seen here
        InboundRouter target = AopTestUtils.getUltimateTargetObject(router);
        target.on(batch);

        assertThat(desk.sent(customer.id(), "conversation/bot")).hasSize(1);
        assertThat(jdbc.sql("select count(*) from conversation_message where inbound_id = ?")
                        .param(batch.messages().getFirst().inboundId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            es | ¿Dónde está mi pedido?        | está en camino. Transportista: DHL
            en | where is my order             | is shipped. Carrier: DHL
            nl | waar is mijn bestelling       | is verzonden. Vervoerder: DHL
            """)
    void whereIsMyOrderAnswersTheStatusCarrierAndTrackingLinkInTheCustomersLanguage(
            String language, String question, String expected) {
        var customer = desk.customer(language);
        var orderId = shippedOrder(customer.id());

        customer.writes().writeOnWhatsApp(question);

        var answer = desk.botAnswers(customer.id(), 1).getFirst();
        assertThat(answer).contains(orderId).contains(expected).contains("https://dhl.example/JD0146");
    }

    @Test
    void anSmsIsAnsweredBySmsWithTheMenuWrittenOut() {
        var customer = desk.customer("en");
        var orderId = shippedOrder(customer.id());

        customer.writes().textBySms("where's my order?");
        customer.writes().textBySms("menu");

        // two webhooks a millisecond apart may be routed by two listener threads at once: in either order
        var answers = desk.botAnswers(customer.id(), 2);
        assertThat(answers)
                .anySatisfy(answer -> assertThat(answer).contains(orderId).contains("Carrier: DHL"))
                .anySatisfy(answer -> assertThat(answer)
                        .contains("How can we help you?")
                        .contains("- Order status")
                        .contains("- Talk to a person"));
        assertThat(jdbc.sql(
                                "select distinct channel from message where customer_id = ? and origin = 'conversation/bot'")
                        .param(customer.id())
                        .query(String.class)
                        .list())
                .containsExactly("SMS");
    }

    @Test
    void severalOrdersAreOfferedAsAListAndTheOneChosenIsAnswered() {
        var customer = desk.customer("es");
        var first = shippedOrder(customer.id());
        var second = shippedOrder(customer.id());

        customer.writes().writeOnWhatsApp("estado de mi pedido");
        var list = desk.botAnswers(customer.id(), 1).getFirst();
        assertThat(list)
                .contains("\"kind\": \"list\"")
                .contains("ORDER:" + first)
                .contains("ORDER:" + second);

        customer.writes().chooseRow(null, "ORDER:" + first, "Pedido " + first);
        assertThat(desk.botAnswers(customer.id(), 2).get(1)).contains(first).doesNotContain(second);
    }

    @Test
    void nobodyLearnsAboutAnotherCustomersOrder() {
        var owner = desk.customer("en");
        var theirs = shippedOrder(owner.id());
        var snoop = desk.customer("en");

        snoop.writes().writeOnWhatsApp("where is my order " + theirs);

        var answer = desk.botAnswers(snoop.id(), 1).getFirst();
        assertThat(answer)
                .contains("could not find order " + theirs)
                .doesNotContain("DHL")
                .doesNotContain("JD0146");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            es | ¿CUÁNTO cuesta el envío?    | El envío cuesta 4,95 €
            en | How much is shiping         | Shipping costs 4.95 €
            nl | wat kost verzending?        | Verzending kost 4,95 €
            """)
    void faqEntriesAreMatchedIgnoringAccentsCaseAndTypos(String language, String question, String expected) {
        json(mvc, HttpMethod.PUT, "/api/v1/faq/shipping-cost", """
                {"questions": {"en": ["how much is shipping"], "es": ["cuánto cuesta el envío"],
                               "nl": ["wat kost verzending"]},
                 "answers": {"en": "Shipping costs 4.95 €.", "es": "El envío cuesta 4,95 €.",
                             "nl": "Verzending kost 4,95 €."}}""").assertThat().hasStatus2xxSuccessful();
        var customer = desk.customer(language);

        customer.writes().writeOnWhatsApp(question);

        assertThat(desk.botAnswers(customer.id(), 1).getFirst()).contains(expected);
    }

    @Test
    void aGreetingGetsTheMenu() {
        var customer = desk.customer("es");

        customer.writes().writeOnWhatsApp("Hola");

        assertThat(desk.botAnswers(customer.id(), 1).getFirst())
                .contains("\"kind\": \"list\"")
                .contains("MENU_ORDER_STATUS")
                .contains("MENU_QUESTIONS")
                .contains("MENU_PERSON")
                .contains("Hablar con una persona");
    }

    @Test
    void twoMissesInARowGoToThePeopleWithTheExpectedWait() {
        var customer = desk.customer("es");

        customer.writes().writeOnWhatsApp("el gato azul baila tango");
        assertThat(desk.botAnswers(customer.id(), 1).getFirst()).contains("MENU_PERSON");
        customer.writes().writeOnWhatsApp("la luna de queso verde");

        assertThat(desk.botAnswers(customer.id(), 2).get(1)).contains("Una persona te responderá en unos");
        var conversation = desk.conversationOf(customer.phone());
        desk.conversation(conversation)
                .assertThat()
                .bodyJson()
                .extractingPath("$.waitingSince")
                .isNotNull();
    }

    @Test
    void askingForAPersonGoesToTheQueueAndTheBotFallsSilent() {
        var customer = desk.customer("nl");

        customer.writes().writeOnWhatsApp("ik wil iemand spreken");
        assertThat(desk.botAnswers(customer.id(), 1).getFirst()).contains("Een medewerker antwoordt je");
        customer.writes().writeOnWhatsApp("hallo?");

        var conversation = desk.conversationOf(customer.phone());
        desk.awaitCustomerLines(conversation, 2);
        assertThat(desk.sent(customer.id(), "conversation/bot")).hasSize(1);
    }

    @Test
    void aNumberNobodyKnowsOpensAConversationInTheQueue() {
        var phone = ServiceDesk.phone();

        desk.stranger(phone).writeOnWhatsApp("¿Tenéis tienda en Sevilla?");

        var conversation = desk.conversationOf(phone);
        desk.awaitCustomerLines(conversation, 1);
        desk.conversation(conversation).assertThat().bodyJson().satisfies(body -> {
            assertThat(body).extractingPath("$.customerId").isNull();
            assertThat(body).extractingPath("$.phone").isEqualTo(phone);
            assertThat(body).extractingPath("$.status").isEqualTo("open");
            assertThat(body).extractingPath("$.waitingSince").isNotNull();
            assertThat(body).extractingPath("$.messages[0].author").isEqualTo("customer");
            assertThat(body).extractingPath("$.messages[0].text").isEqualTo("¿Tenéis tienda en Sevilla?");
        });
    }

    @Test
    void anOptOutKeywordIsAnsweredByItsConfirmationOnly() {
        var customer = desk.customer("es");

        customer.writes().writeOnWhatsApp("BAJA");

        var conversation = desk.conversationOf(customer.phone());
        desk.awaitCustomerLines(conversation, 1);
        assertThat(desk.sent(customer.id(), "conversation/bot")).isEmpty();
    }

    private String shippedOrder(String customerId) {
        var orderId = uniqueId("o");
        var productId = uniqueId("p");
        mirrorCustomerAndProduct(mvc, uniqueId("c"), productId);
        json(mvc, HttpMethod.PUT, "/api/v1/orders/" + orderId, order(customerId, null, productId))
                .assertThat()
                .hasStatus2xxSuccessful();
        json(mvc, HttpMethod.POST, "/api/v1/orders/" + orderId + "/shipments", """
                {"carrier": "DHL", "trackingNumber": "JD0146", "trackingUrl": "https://dhl.example/JD0146"}""")
                .assertThat()
                .hasStatus2xxSuccessful();
        return orderId;
    }
}
