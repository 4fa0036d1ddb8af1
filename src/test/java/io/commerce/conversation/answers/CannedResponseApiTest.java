package io.commerce.conversation.answers;

import static io.commerce.Api.get;
import static io.commerce.Api.json;
import static io.commerce.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commerce.IntegrationTest;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class CannedResponseApiTest {

    private static final String TEXTS = """
            {"texts": {"en": "Hi {firstName}, your order {lastOrderNumber} is on its way.",
                       "es": "Hola {firstName}, tu pedido {lastOrderNumber} va de camino."}}""";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    CannedResponses responses;

    String key;

    @BeforeEach
    void newKey() {
        key = uniqueId("canned");
    }

    private String path() {
        return "/api/v1/canned-responses/" + key;
    }

    @Test
    void createsReadsListsReplacesAndDeletes() {
        assertThat(json(mvc, HttpMethod.PUT, path(), TEXTS))
                .hasStatus(HttpStatus.CREATED)
                .bodyJson()
                .extractingPath("$.texts.es")
                .isEqualTo("Hola {firstName}, tu pedido {lastOrderNumber} va de camino.");
        assertThat(json(mvc, HttpMethod.PUT, path(), """
                {"texts": {"en": "Hello {firstName}!"}}""")).hasStatus(HttpStatus.OK);

        assertThat(get(mvc, path()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.texts")
                .isEqualTo(Map.of("en", "Hello {firstName}!"));
        assertThat(get(mvc, "/api/v1/canned-responses"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[?(@.key == '%s')].texts.en".formatted(key))
                .asArray()
                .containsExactly("Hello {firstName}!");

        assertThat(json(mvc, HttpMethod.DELETE, path(), "")).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(get(mvc, path())).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void rendersInTheCustomersLanguageElseEnglishWithPlaceholdersFilled() {
        json(mvc, HttpMethod.PUT, path(), TEXTS).assertThat().hasStatus(HttpStatus.CREATED);
        var values = Map.of("firstName", "Sara", "lastOrderNumber", "1001");

        assertThat(responses.render(key, Locale.forLanguageTag("es"), values))
                .isEqualTo("Hola Sara, tu pedido 1001 va de camino.");
        assertThat(responses.render(key, Locale.forLanguageTag("nl"), values))
                .isEqualTo("Hi Sara, your order 1001 is on its way.");
        assertThat(responses.render(key, Locale.ENGLISH, Map.of("firstName", "Sara")))
                .isEqualTo("Hi Sara, your order  is on its way.");
    }

    @Test
    void unknownResponseIs404AndRenderingItThrows() {
        assertThat(get(mvc, path()))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("CANNED_RESPONSE_NOT_FOUND");
        assertThat(json(mvc, HttpMethod.DELETE, path(), ""))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("CANNED_RESPONSE_NOT_FOUND");
        assertThatThrownBy(() -> responses.render(key, Locale.ENGLISH, Map.of()))
                .isInstanceOf(CannedResponseNotFoundException.class);
    }

    @Test
    void refusesUnknownPlaceholdersAndBadTexts() {
        assertThat(json(mvc, HttpMethod.PUT, path(), """
                {"texts": {"en": "Hi {first_name}, code {code}"}}"""))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("texts");
        assertThat(json(mvc, HttpMethod.PUT, path(), """
                {"texts": {}}""")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(json(mvc, HttpMethod.PUT, path(), """
                {"texts": {"en": "  "}}""")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(json(mvc, HttpMethod.PUT, path(), """
                {"texts": {"EN": "Hi"}}""")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(json(mvc, HttpMethod.PUT, path(), "{}")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(get(mvc, path())).hasStatus(HttpStatus.NOT_FOUND);
    }
}
