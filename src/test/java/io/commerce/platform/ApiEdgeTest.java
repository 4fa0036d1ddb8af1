package io.commerce.platform;

import static io.commerce.Api.customer;
import static io.commerce.Api.get;
import static io.commerce.Api.json;
import static io.commerce.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import io.commerce.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class ApiEdgeTest {

    @Autowired
    MockMvcTester mvc;

    @Test
    void missingOrWrongApiKeyIs401ProblemJson() {
        assertThat(mvc.get().uri("/api/v1/customers"))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("UNAUTHORIZED");
        assertThat(mvc.get().uri("/api/v1/customers").header("X-Api-Key", "wrong"))
                .hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void healthAndInfoArePublicOtherActuatorEndpointsNeedTheKey() {
        assertThat(mvc.get().uri("/actuator/health")).hasStatusOk();
        assertThat(mvc.get().uri("/actuator/info")).hasStatusOk();
        assertThat(mvc.get().uri("/actuator/prometheus")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.get().uri("/actuator/metrics")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(get(mvc, "/actuator/prometheus")).hasStatusOk().bodyText().contains("jvm_memory_used_bytes");
    }

    @Test
    void malformedJsonIs400() {
        assertThat(json(mvc, HttpMethod.PUT, "/api/v1/customers/" + uniqueId("c"), "{\"phone\": "))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("MALFORMED_JSON");
    }

    @Test
    void wrongTypesAre400WithTheField() {
        assertThat(json(mvc, HttpMethod.PUT, "/api/v1/customers/" + uniqueId("c"), """
                {"phone": "+34612345678", "tags": "vip", "birthday": "yesterday"}"""))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("VALIDATION_FAILED");
        assertThat(json(mvc, HttpMethod.PUT, "/api/v1/customers/" + uniqueId("c"), """
                {"phone": "+34612345678", "birthday": "yesterday"}"""))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("birthday");
    }

    @Test
    void wrongContentTypeIs415() {
        assertThat(mvc.put()
                        .uri("/api/v1/customers/" + uniqueId("c"))
                        .header("X-Api-Key", "test-key")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("phone=+34612345678"))
                .hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405() {
        assertThat(get(mvc, "/api/v1/nothing-here"))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("NOT_FOUND");
        assertThat(json(mvc, HttpMethod.PATCH, "/api/v1/customers/c-1", "{}"))
                .hasStatus(HttpStatus.METHOD_NOT_ALLOWED)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Test
    void overlongIdsAre400() {
        assertThat(json(mvc, HttpMethod.PUT, "/api/v1/customers/" + "x".repeat(129), customer("+34612345678")))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("customerId");
    }

    @Test
    void oversizedBodyIs413() {
        var huge = "{\"phone\": \"+34612345678\", \"firstName\": \"" + "a".repeat(1_100_000) + "\"}";
        assertThat(json(mvc, HttpMethod.PUT, "/api/v1/customers/" + uniqueId("c"), huge))
                .hasStatus(HttpStatus.CONTENT_TOO_LARGE)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void openApiSpellsEnumerationsAsTheyTravel() {
        var docs = mvc.get().uri("/v3/api-docs");
        assertThat(docs)
                .bodyJson()
                .extractingPath("$.components.schemas.ConsentRecord.properties.channel.enum")
                .asArray()
                .containsExactly("whatsapp", "sms");
        assertThat(docs)
                .bodyJson()
                .extractingPath("$.components.schemas.OrderView.properties.status.enum")
                .asArray()
                .contains("placed", "cancelled");
    }

    @Test
    void openApiDescribesTheContract() {
        assertThat(mvc.get().uri("/v3/api-docs"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.paths")
                .asMap()
                .containsKeys(
                        "/api/v1/customers/{customerId}",
                        "/api/v1/customers",
                        "/api/v1/customers/{customerId}/export",
                        "/api/v1/customers/{customerId}/consents/{channel}/{purpose}",
                        "/api/v1/customers/{customerId}/consents",
                        "/api/v1/products/{productId}",
                        "/api/v1/products/{productId}/variants/{variantId}/inventory",
                        "/api/v1/customers/{customerId}/back-in-stock-subscriptions",
                        "/api/v1/carts/{cartId}",
                        "/api/v1/orders/{orderId}",
                        "/api/v1/orders/{orderId}/shipments",
                        "/api/v1/orders/{orderId}/delivery",
                        "/api/v1/orders/{orderId}/cancellation");
    }
}
