package io.commerce.platform;

import static io.commerce.Api.cart;
import static io.commerce.Api.customer;
import static io.commerce.Api.get;
import static io.commerce.Api.json;
import static io.commerce.Api.order;
import static io.commerce.Api.product;
import static io.commerce.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.commerce.IntegrationTest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * No JSON value is coerced into another type, on any endpoint (issue 9, finding 2), and no query parameter
 * may be given twice (finding 1): both are a 400 problem naming the field.
 */
@IntegrationTest
class StrictInputTest {

    private static final String PRODUCT = """
            {"title": %s, "url": "https://shop.example/p/x",
             "variants": [{"variantId": "v-42", "title": "EU 42", "price": %s, "currency": "EUR", "inventory": %s}]}""";

    @Autowired
    MockMvcTester mvc;

    static Stream<Arguments> wrongTypes() {
        var order = order("c-1", null, "p-1");
        return Stream.of(
                arguments("products", PRODUCT.formatted("false", "89.95", "1"), "title"),
                arguments("products", PRODUCT.formatted("0", "89.95", "1"), "title"),
                arguments("products", PRODUCT.formatted("\"X\"", "\"89.95\"", "1"), "variants[0].price"),
                arguments("products", PRODUCT.formatted("\"X\"", "89.95", "1.5"), "variants[0].inventory"),
                arguments("customers", "{\"phone\": 34612345678}", "phone"),
                arguments("customers", "{\"phone\": \"+34612345678\", \"firstName\": true}", "firstName"),
                arguments("customers", "{\"phone\": \"+34612345678\", \"tags\": \"vip\"}", "tags"),
                arguments("customers", "{\"phone\": \"+34612345678\", \"birthday\": 19900412}", "birthday"),
                arguments("orders", order.replace("\"total\": 89.95", "\"total\": \"89.95\""), "total"),
                arguments("orders", order.replace("\"quantity\": 1", "\"quantity\": \"1\""), "lines[0].quantity"),
                arguments("orders", order.replace("\"2026-11-23T10:15:30Z\"", "1763892930"), "placedAt"),
                arguments(
                        "carts",
                        cart("c-1", "p-1", 1).replace("\"quantity\": 1", "\"quantity\": 1.0"),
                        "lines[0].quantity"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("wrongTypes")
    void wrongJsonTypesAre400NamingTheField(String resource, String body, String field) {
        assertThat(json(mvc, HttpMethod.PUT, "/api/v1/%s/%s".formatted(resource, uniqueId("x")), body))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo(field);
    }

    @Test
    void aBooleanIsNeitherANumberNorAString() {
        for (var previewUrl : new String[] {"1", "\"true\""}) {
            assertThat(json(mvc, HttpMethod.POST, "/api/v1/messages", """
                    {"customerId": "c-1", "purpose": "transactional", "text": "hi", "previewUrl": %s}""".formatted(previewUrl)))
                    .hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyJson()
                    .extractingPath("$.errors[0].field")
                    .isEqualTo("previewUrl");
        }
        assertThat(json(
                        mvc,
                        HttpMethod.PUT,
                        "/api/v1/products/" + uniqueId("p") + "/variants/v-42/inventory",
                        "{\"quantity\": \"12\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("quantity");
    }

    @Test
    void legitimateTypesStillPass() {
        var productId = uniqueId("p");
        assertThat(json(mvc, HttpMethod.PUT, "/api/v1/products/" + productId, product(3, "90")))
                .hasStatus(HttpStatus.CREATED) // an integer is a valid amount of money
                .bodyJson()
                .extractingPath("$.variants[0].price")
                .isEqualTo(90.0);
        var customerId = uniqueId("c");
        assertThat(json(mvc, HttpMethod.PUT, "/api/v1/customers/" + customerId, customer("+34612345678")))
                .hasStatus(HttpStatus.CREATED);
        assertThat(json(mvc, HttpMethod.PUT, "/api/v1/orders/" + uniqueId("o"), order(customerId, null, productId)))
                .hasStatus(HttpStatus.CREATED);
        assertThat(json(mvc, HttpMethod.PUT, "/api/v1/customers/" + customerId, """
                {"phone": "+34612345678", "attributes": {"visits": 3, "newsletter": true}}"""))
                .hasStatusOk() // free-form attributes keep their JSON types
                .bodyJson()
                .extractingPath("$.attributes.visits")
                .isEqualTo(3);
    }

    @Test
    void aParameterGivenTwiceIs400() {
        assertThat(get(mvc, "/api/v1/customers?page=1&page=2"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("page");
        assertThat(get(mvc, "/api/v1/customers?tag=vip&tag=gold"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("tag");
        assertThat(mvc.get().uri("/webhooks/whatsapp?hub.mode=subscribe&hub.mode=subscribe&hub.challenge=1"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("hub.mode");
        assertThat(get(mvc, "/api/v1/customers?page=1&size=10")).hasStatusOk();
    }
}
