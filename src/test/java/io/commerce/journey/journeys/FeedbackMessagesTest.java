package io.commerce.journey.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.commerce.messaging.OutboundContent;
import io.commerce.shared.Channel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The words of the feedback conversation: every language complete and within WhatsApp's limits. */
class FeedbackMessagesTest {

    // Meta's limits, as in commerce.messaging.limits (ContentLimits checks them again at send time)
    private static final int BUTTON_TITLE = 20;
    private static final int LIST_ROW_TITLE = 24;
    private static final int LIST_BUTTON = 20;
    private static final int CTA_DISPLAY_TEXT = 20;
    private static final int INTERACTIVE_BODY = 1024;

    @ParameterizedTest
    @ValueSource(strings = {"en", "es", "nl"})
    void everyTitleFitsWhatsAppsLimits(String language) {
        var say = new FeedbackMessages(language, "Sara");

        var list = (OutboundContent.ListMenu) say.reasonQuestion(Channel.WHATSAPP);
        assertThat(length(list.button())).isLessThanOrEqualTo(LIST_BUTTON);
        assertThat(list.sections().getFirst().rows())
                .extracting(OutboundContent.Row::id)
                .containsExactly("REASON_SHIPPING", "REASON_QUALITY", "REASON_SERVICE");
        assertThat(list.sections().getFirst().rows())
                .allSatisfy(row -> assertThat(length(row.title())).isLessThanOrEqualTo(LIST_ROW_TITLE));
        var buttons = (OutboundContent.Buttons) say.agentOffer(Channel.WHATSAPP);
        assertThat(buttons.buttons()).extracting(OutboundContent.Button::id).containsExactly("AGENT_YES", "AGENT_NO");
        assertThat(buttons.buttons())
                .allSatisfy(button -> assertThat(length(button.title())).isLessThanOrEqualTo(BUTTON_TITLE));
        var review = (OutboundContent.CtaUrl) say.reviewRequest(Channel.WHATSAPP, "Runner X", "https://shop.example/p");
        assertThat(length(review.displayText())).isLessThanOrEqualTo(CTA_DISPLAY_TEXT);
        assertThat(length(review.body())).isLessThanOrEqualTo(INTERACTIVE_BODY);
        assertThat(review.body()).contains("Sara", "Runner X");
        assertThat(review.url()).isEqualTo("https://shop.example/p");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "es", "nl"})
    void everyLanguageHasEveryWord(String language) {
        var words = FeedbackMessages.WORDS.get(language);
        assertThat(words.toString()).doesNotContain("=null", "=,");
    }

    @Test
    void bySmsTheReasonsAreNumberedAndTheOfferAsksForYesOrNo() {
        var say = new FeedbackMessages("nl", "Sara");

        var reasons = (OutboundContent.Text) say.reasonQuestion(Channel.SMS);
        var offer = (OutboundContent.Text) say.agentOffer(Channel.SMS);

        assertThat(reasons.body())
                .isEqualTo("Wat vervelend, Sara. Wat ging er mis?\nAntwoord met een cijfer:\n1 Verzending\n"
                        + "2 Productkwaliteit\n3 Klantenservice");
        assertThat(offer.body()).endsWith("Antwoord JA of NEE.");
    }

    @Test
    void bySmsTheReviewRequestIsTheTemplate() {
        var review =
                new FeedbackMessages("es", "Sara").reviewRequest(Channel.SMS, "Runner X", "https://shop.example/p");

        assertThat(review)
                .isEqualTo(new OutboundContent.Template(
                        "review_request",
                        java.util.Map.of("productName", "Runner X", "reviewUrl", "https://shop.example/p")));
    }

    @Test
    void otherLanguagesGetEnglishAndARegionalTagItsLanguage() {
        assertThat(((OutboundContent.Text) new FeedbackMessages("pt-BR", "Ana").thanks()).body())
                .isEqualTo("Thank you for your feedback!");
        assertThat(((OutboundContent.Text) new FeedbackMessages("es-MX", "Ana").thanks()).body())
                .isEqualTo("¡Gracias por tu opinión!");
    }

    @Test
    void withoutAFirstNameTheSentenceStillReads() {
        var list = (OutboundContent.ListMenu) new FeedbackMessages("en", null).reasonQuestion(Channel.WHATSAPP);

        assertThat(list.body()).isEqualTo("Sorry to hear that. What went wrong?");
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
