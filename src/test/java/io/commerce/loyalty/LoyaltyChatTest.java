package io.commerce.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.commerce.IntegrationTest;
import io.commerce.conversation.Author;
import io.commerce.conversation.ConversationService;
import io.commerce.conversation.ServiceDesk;
import io.commerce.promotion.PromotionService;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The balance one message away, through the real webhooks and the outbox: "points", "puntos" or "punten" gets
 * the balance and the affordable rewards as a WhatsApp list in the customer's language; a row tapped redeems
 * the reward and sends its code back; on SMS the same as text, redeemed by name; the bot's menu offers it.
 */
@IntegrationTest
class LoyaltyChatTest {

    @Autowired
    ServiceDesk desk;

    @Autowired
    ConversationService conversations;

    @Autowired
    LoyaltyService loyalty;

    @Autowired
    PromotionService promotions;

    @BeforeEach
    void openWithNobodyAvailableAndTheDefaultProgramme() {
        desk.alwaysOpen();
        desk.noAgentsAvailable();
        loyalty.setProgram(new LoyaltyProgram(null, null, null, null, null, null, null, null, null));
    }

    @AfterEach
    void reset() {
        desk.reset();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            es | ¡Puntos!  | Tienes 150 puntos para usar. | Aquí tienes tu código para 5 off
            en | points    | You have 150 points to spend. | Here is your code for 5 off
            nl | Punten    | Je hebt 150 punten te besteden. | Hier is je code voor 5 off
            """)
    void askingForPointsListsTheRewardsAndATappedRowRedeemsItAndSendsTheCode(
            String language, String asking, String balance, String redeemed) {
        var customer = desk.customer(language);
        loyalty.adjust(customer.id(), new Adjustment(150, "welcome"));

        customer.writes().writeOnWhatsApp(asking);

        var answers = answers(customer.id(), 1);
        assertThat(answers.getFirst())
                .contains(balance)
                .contains(LoyaltyChat.REDEEM + "five-off")
                .doesNotContain(LoyaltyChat.REDEEM + "ten-percent"); // 250 points: not affordable
        assertThat(conversations.get(desk.conversationOf(customer.phone())).messages())
                .as("the conversation shows the answer as the bot's, after the customer's words")
                .extracting(message -> message.author())
                .containsExactly(Author.CUSTOMER, Author.BOT);

        customer.writes().chooseRow(null, LoyaltyChat.REDEEM + "five-off", "5 off");

        var code = await().atMost(Duration.ofSeconds(10))
                .until(() -> promotions.codesOf(customer.id()), codes -> !codes.isEmpty())
                .getFirst()
                .code();
        assertThat(answers(customer.id(), 2).get(1)).contains(redeemed).contains(code);
        assertThat(loyalty.standing(customer.id()).points()).isEqualTo(50);
        desk.assertNoBotAnswer(customer.id());
    }

    @Test
    void onSmsTheRewardsAreWrittenOutAndRedeemedByName() {
        var customer = desk.customer("nl");
        loyalty.adjust(customer.id(), new Adjustment(120, "welcome"));

        customer.writes().textBySms("punten");
        assertThat(answers(customer.id(), 1).getFirst())
                .contains("Je hebt 120 punten te besteden.")
                .contains("INWISSELEN")
                .contains("five-off: 5 off (100 punten)");

        customer.writes().textBySms("Inwisselen five-off");
        assertThat(answers(customer.id(), 2).get(1)).contains("Hier is je code voor 5 off");
        assertThat(loyalty.standing(customer.id()).points()).isEqualTo(20);

        customer.writes().textBySms("inwisselen five-off");
        assertThat(answers(customer.id(), 3).get(2)).contains("Die beloning kost 100 punten; je hebt er 20.");
    }

    @Test
    void theBotsMenuOffersThePointsAndTappingItAnswersTheBalance() {
        var customer = desk.customer("es");

        customer.writes().writeOnWhatsApp("menú");
        assertThat(desk.botAnswers(customer.id(), 1).getFirst())
                .contains(LoyaltyChat.SHOW)
                .contains("Mis puntos");

        customer.writes().chooseRow(null, LoyaltyChat.SHOW, "Mis puntos");
        assertThat(answers(customer.id(), 1).getFirst())
                .contains("Tienes 0 puntos para usar.")
                .contains("La próxima recompensa, 5 off, necesita 100 puntos.");
    }

    private List<String> answers(String customerId, int count) {
        return await().atMost(Duration.ofSeconds(10))
                .until(() -> desk.sent(customerId, "conversation/loyalty"), sent -> sent.size() >= count);
    }
}
