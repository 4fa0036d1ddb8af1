package io.commerce.conversation.answers;

import static org.assertj.core.api.Assertions.assertThat;

import io.commerce.IntegrationTest;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/** Spring's {@link MessageSource} serves the bot's words from {@code i18n/conversation}. */
@IntegrationTest
class ConversationMessagesTest {

    @Autowired
    MessageSource messages;

    @Test
    void answersInEnglishSpanishAndDutchAndFallsBackToEnglish() {
        Object[] wait = {15};
        assertThat(messages.getMessage("answers.handoff.acknowledgement", wait, Locale.ENGLISH))
                .isEqualTo("A person will answer you in about 15 minutes.");
        assertThat(messages.getMessage("answers.handoff.acknowledgement", wait, Locale.forLanguageTag("es")))
                .isEqualTo("Una persona te responderá en unos 15 minutos.");
        assertThat(messages.getMessage("answers.handoff.acknowledgement", wait, Locale.forLanguageTag("nl")))
                .isEqualTo("Een medewerker antwoordt je binnen ongeveer 15 minuten.");
        assertThat(messages.getMessage("answers.menu.button", null, Locale.FRENCH))
                .isEqualTo("See options");
    }

    @Test
    void formatsAnOrderStatusLine() {
        var status = messages.getMessage("answers.order.status.shipped", null, Locale.forLanguageTag("es"));
        Object[] args = {"1001", status, "SEUR", "https://track.example/1001"};

        assertThat(messages.getMessage("answers.order.line", args, Locale.forLanguageTag("es")))
                .isEqualTo(
                        "Tu pedido 1001 está en camino. Transportista: SEUR. Síguelo aquí: https://track.example/1001");
    }
}
