package io.commerce.conversation.answers;

import static io.commerce.Api.get;
import static io.commerce.Api.json;
import static io.commerce.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import io.commerce.IntegrationTest;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class FaqApiTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Faqs faqs;

    String faqId;
    String topic;

    @BeforeEach
    void newEntry() {
        faqId = uniqueId("faq");
        topic = "gift wrapping " + faqId.substring(4); // unique words, so other tests' entries never interfere
    }

    private String path() {
        return "/api/v1/faq/" + faqId;
    }

    private String body(String english) {
        return """
                {"questions": {"en": ["%s", "do you offer %s"], "es": ["¿envolvéis para regalo %s?"]},
                 "answers": {"en": "%s", "es": "Sí, gratis.", "nl": "Ja, gratis."}}""".formatted(topic, topic, faqId.substring(4), english);
    }

    @Test
    void createsReadsListsAndReplacesAnEntry() {
        assertThat(json(mvc, HttpMethod.PUT, path(), body("Yes, for free.")))
                .hasStatus(HttpStatus.CREATED)
                .bodyJson()
                .extractingPath("$.questions.en[1]")
                .isEqualTo("do you offer " + topic);
        assertThat(json(mvc, HttpMethod.PUT, path(), body("Yes, for 2 €.")))
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .extractingPath("$.answers.en")
                .isEqualTo("Yes, for 2 €.");

        assertThat(get(mvc, path()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.answers.nl")
                .isEqualTo("Ja, gratis.");
        assertThat(get(mvc, "/api/v1/faq"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[?(@.faqId == '%s')].answers.es".formatted(faqId))
                .asArray()
                .containsExactly("Sí, gratis.");
    }

    @Test
    void aChangeIsMatchedFromTheNextMessageAndADeletionStopsMatching() {
        json(mvc, HttpMethod.PUT, path(), body("Yes, for free.")).assertThat().hasStatus(HttpStatus.CREATED);
        assertThat(faqs.match("Do you offer " + topic.toUpperCase(Locale.ROOT) + "?", Locale.ENGLISH))
                .hasValueSatisfying(answer -> assertThat(answer.text()).isEqualTo("Yes, for free."));

        json(mvc, HttpMethod.PUT, path(), body("Yes, for 2 €.")).assertThat().hasStatusOk();
        assertThat(faqs.match(topic, Locale.forLanguageTag("es")))
                .hasValueSatisfying(answer -> assertThat(answer.text()).isEqualTo("Sí, gratis."));
        assertThat(faqs.match(topic, Locale.ENGLISH))
                .hasValueSatisfying(answer -> assertThat(answer.text()).isEqualTo("Yes, for 2 €."));

        assertThat(json(mvc, HttpMethod.DELETE, path(), "")).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(faqs.match(topic, Locale.ENGLISH)).isEmpty();
    }

    @Test
    void unknownEntryIs404() {
        assertThat(get(mvc, path()))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("FAQ_NOT_FOUND");
        assertThat(json(mvc, HttpMethod.DELETE, path(), ""))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("FAQ_NOT_FOUND");
    }

    @Test
    void refusesEntriesThatCannotBeMatchedOrAnswered() {
        assertThat(json(mvc, HttpMethod.PUT, path(), """
                {"questions": {}, "answers": {"en": "x"}}""")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(json(mvc, HttpMethod.PUT, path(), """
                {"questions": {"en": []}, "answers": {"en": "x"}}""")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(json(mvc, HttpMethod.PUT, path(), """
                {"questions": {"es": ["envío"]}, "answers": {"en": "x"}}"""))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("answers");
        assertThat(json(mvc, HttpMethod.PUT, path(), """
                {"questions": {"en": ["¿?!"]}, "answers": {"en": "x"}}"""))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("questions");
        assertThat(json(mvc, HttpMethod.PUT, path(), """
                {"questions": {"en": ["Shipping", "shipping!"]}, "answers": {"en": "x"}}""")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(json(mvc, HttpMethod.PUT, path(), """
                {"questions": {"English": ["shipping"]}, "answers": {"English": "x"}}""")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(json(mvc, HttpMethod.PUT, path(), """
                {"questions": {"en": ["%s"]}, "answers": {"en": "x"}}""".formatted("a".repeat(201))))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(json(mvc, HttpMethod.PUT, path(), """
                {"questions": {"en": ["shipping"]}, "answers": {"en": "%s"}}""".formatted("a".repeat(4097))))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(json(mvc, HttpMethod.PUT, path(), """
                {"questions": {"en": ["shipping"]}}""")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(get(mvc, path())).hasStatus(HttpStatus.NOT_FOUND);
    }
}
