package io.commerce.journey.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.commerce.conversation.FeedbackReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class FeedbackAnswersTest {

    @ParameterizedTest
    @CsvSource({"RATING_5,5", "RATING_1,1", " RATING_3 ,3"})
    void aTappedRatingIsReadFromItsPayload(String payload, int rating) {
        assertThat(FeedbackAnswers.rating(payload, "whatever the button said")).contains(rating);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "4|4",
                " 5 |5",
                "5 stars|5",
                "I'd give it a 2|2",
                "3/5|3",
                "1.|1",
                "5!|5",
                "4 out of 5|4",
                "4 van 5|4",
                "2 estrellas|2",
                "Un 3|3",
                "4 ⭐|4",
                "⭐⭐⭐⭐|4",
                "⭐️⭐️|2",
                "★★★|3"
            })
    void aTypedRatingIsANumberEndingTheTextOrTheStars(String text, int rating) {
        assertThat(FeedbackAnswers.rating(null, text)).contains(rating);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0",
                "6",
                "10",
                "great!",
                "",
                "   ",
                "⭐⭐⭐⭐⭐⭐",
                "123456789012",
                "it took 3 weeks",
                "2 days late",
                "order 1020: 4",
                "5 stars but 2 days late"
            })
    @NullSource
    void anythingElseHoldsNoRating(String text) {
        assertThat(FeedbackAnswers.rating(null, text)).isEmpty();
    }

    @Test
    void anUnknownPayloadFallsBackToTheWords() {
        assertThat(FeedbackAnswers.rating("AGENT_YES", "4")).contains(4);
        assertThat(FeedbackAnswers.rating("RATING_9", null)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"REASON_SHIPPING,SHIPPING", "REASON_QUALITY,QUALITY", "REASON_SERVICE,SERVICE"})
    void aChosenRowIsItsReason(String payload, FeedbackReason reason) {
        assertThat(FeedbackAnswers.reason(payload, "Shipping")).contains(reason);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"1|SHIPPING", "2|QUALITY", " 3 |SERVICE", "1.|SHIPPING", "2) the seams|QUALITY"})
    void aTypedOptionNumberIsItsReason(String text, FeedbackReason reason) {
        assertThat(FeedbackAnswers.reason(null, text)).contains(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4", "0", "12", "The box was crushed", "it took 3 weeks"})
    @NullSource
    void otherWordsChooseNoReason(String text) {
        assertThat(FeedbackAnswers.reason(null, text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "Yes please", "Y", "sí", "¡Sí!", "si claro", "Ja", "ja graag", "JA."})
    void yesInAnyOfOurLanguagesAsksForAPerson(String text) {
        assertThat(FeedbackAnswers.wantsAgent(null, text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"no", "NO", "nee", "No, gracias", "maybe later", "", "yesterday"})
    @NullSource
    void anythingElseIsNo(String text) {
        assertThat(FeedbackAnswers.wantsAgent(null, text)).isFalse();
    }

    @Test
    void theButtonsDecideWhateverTheirTitleSays() {
        assertThat(FeedbackAnswers.wantsAgent("AGENT_YES", "Sí, por favor")).isTrue();
        assertThat(FeedbackAnswers.wantsAgent("AGENT_NO", "yes")).isFalse();
    }
}
