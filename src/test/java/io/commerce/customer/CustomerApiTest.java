package io.commerce.customer;

import static io.commerce.Api.customer;
import static io.commerce.Api.get;
import static io.commerce.Api.json;
import static io.commerce.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import io.commerce.IntegrationTest;
import io.commerce.consent.ConsentWithdrawn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class CustomerApiTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationEvents events;

    @Autowired
    JdbcClient jdbc;

    @Test
    void createsCustomerWithE164PhoneDefaultLanguageAndTimezoneFromNumber() {
        var id = uniqueId("c");
        var result = json(mvc, HttpMethod.PUT, "/api/v1/customers/" + id, """
                {"phone": "+34 612 345 678", "firstName": "Sara"}""");

        assertThat(result).hasStatus(HttpStatus.CREATED);
        assertThat(result).bodyJson().extractingPath("$.phone").isEqualTo("+34612345678");
        assertThat(result).bodyJson().extractingPath("$.language").isEqualTo("en");
        assertThat(result).bodyJson().extractingPath("$.timezone").asString().startsWith("Europe/Madrid");
        assertThat(events.stream(CustomerRegistered.class)).singleElement().satisfies(event -> {
            assertThat(event.customerId()).isEqualTo(id);
            assertThat(event.language()).isEqualTo("en");
        });
    }

    @Test
    void acceptsNationalNotationsWithInternationalPrefix() {
        var result = json(mvc, HttpMethod.PUT, "/api/v1/customers/" + uniqueId("c"), """
                {"phone": "0031 (6) 1234-5678", "language": "nl", "timezone": "Europe/Amsterdam"}""");

        assertThat(result).hasStatus(HttpStatus.CREATED);
        assertThat(result).bodyJson().extractingPath("$.phone").isEqualTo("+31612345678");
        assertThat(result).bodyJson().extractingPath("$.timezone").isEqualTo("Europe/Amsterdam");
    }

    @Test
    void repeatedUpsertAnswers200AndPublishesNothing() {
        var id = uniqueId("c");
        var path = "/api/v1/customers/" + id;
        assertThat(json(mvc, HttpMethod.PUT, path, customer("+34612345678"))).hasStatus(HttpStatus.CREATED);
        var first = get(mvc, path).exchange().getResponse();

        var again = json(mvc, HttpMethod.PUT, path, customer("+34 612 345 678"));

        assertThat(again).hasStatus(HttpStatus.OK);
        assertThat(events.stream(CustomerRegistered.class)).hasSize(1);
        assertThat(again).bodyJson().extractingPath("$.updatedAt").isEqualTo(jsonField(first, "updatedAt"));
    }

    @Test
    void updateChangesStoredFields() {
        var path = "/api/v1/customers/" + uniqueId("c");
        json(mvc, HttpMethod.PUT, path, customer("+34612345678")).exchange();

        var updated = json(mvc, HttpMethod.PUT, path, """
                {"phone": "+34612345679", "firstName": "Sarah", "tags": ["new"]}""");

        assertThat(updated).hasStatus(HttpStatus.OK);
        assertThat(get(mvc, path)).bodyJson().extractingPath("$.firstName").isEqualTo("Sarah");
        assertThat(get(mvc, path)).bodyJson().extractingPath("$.tags").asArray().containsExactly("new");
        assertThat(get(mvc, path)).bodyJson().extractingPath("$.phone").isEqualTo("+34612345679");
    }

    @Test
    void refusesInvalidPhoneAndStoresNothing() {
        var id = uniqueId("c");
        var result = json(mvc, HttpMethod.PUT, "/api/v1/customers/" + id, """
                {"phone": "+34 12"}""");

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("INVALID_PHONE_NUMBER");
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("phone");
        assertThat(get(mvc, "/api/v1/customers/" + id)).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void refusesMissingPhoneUnknownTimezoneAndBadLanguage() {
        var path = "/api/v1/customers/" + uniqueId("c");
        assertThat(json(mvc, HttpMethod.PUT, path, "{\"firstName\": \"x\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("phone");
        assertThat(json(mvc, HttpMethod.PUT, path, "{\"phone\": \"+34612345678\", \"timezone\": \"Mars/Base\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("timezone");
        assertThat(json(mvc, HttpMethod.PUT, path, "{\"phone\": \"+34612345678\", \"language\": \"12$\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void unknownCustomerIs404WithStableCode() {
        assertThat(get(mvc, "/api/v1/customers/" + uniqueId("nobody")))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("CUSTOMER_NOT_FOUND");
    }

    @Test
    void listsCustomersByTagWithPagination() {
        var tag = uniqueId("tag");
        for (int i = 0; i < 3; i++) {
            json(mvc, HttpMethod.PUT, "/api/v1/customers/" + uniqueId("c"), """
                    {"phone": "+3461234567%d", "tags": ["%s"]}""".formatted(i, tag))
                    .exchange();
        }

        var page = get(mvc, "/api/v1/customers?tag=" + tag + "&page=1&size=2");

        assertThat(page).hasStatusOk();
        assertThat(page).bodyJson().extractingPath("$.totalItems").isEqualTo(3);
        assertThat(page).bodyJson().extractingPath("$.page").isEqualTo(1);
        assertThat(page).bodyJson().extractingPath("$.size").isEqualTo(2);
        assertThat(page).bodyJson().extractingPath("$.items").asArray().hasSize(1);
    }

    @Test
    void refusesAbsurdPageSizes() {
        assertThat(get(mvc, "/api/v1/customers?size=100000"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("size");
        assertThat(get(mvc, "/api/v1/customers?page=-1")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(get(mvc, "/api/v1/customers?size=abc")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void exportsEverythingHeldAboutTheCustomer() {
        var id = uniqueId("c");
        json(mvc, HttpMethod.PUT, "/api/v1/customers/" + id, customer("+34612345678"))
                .exchange();
        json(mvc, HttpMethod.PUT, "/api/v1/customers/" + id + "/consents/whatsapp/marketing", """
                {"status": "granted", "source": "checkout-checkbox", "evidence": "Yes, offers please"}""")
                .exchange();

        var export = get(mvc, "/api/v1/customers/" + id + "/export");

        assertThat(export).hasStatusOk();
        assertThat(export).bodyJson().extractingPath("$.customer.phone").isEqualTo("+34612345678");
        assertThat(export)
                .bodyJson()
                .extractingPath("$.consents.history[0].evidence")
                .isEqualTo("Yes, offers please");
        assertThat(export).bodyJson().extractingPath("$.carts").asArray().isEmpty();
        assertThat(export).bodyJson().extractingPath("$.orders").asArray().isEmpty();
        assertThat(export)
                .bodyJson()
                .extractingPath("$.backInStockSubscriptions")
                .asArray()
                .isEmpty();
    }

    @Test
    void erasureRemovesPersonalDataWithdrawsConsentAndKeepsTheLedger() {
        var id = uniqueId("c");
        json(mvc, HttpMethod.PUT, "/api/v1/customers/" + id, customer("+34612345678"))
                .exchange();
        json(mvc, HttpMethod.PUT, "/api/v1/customers/" + id + "/consents/sms/marketing", """
                {"status": "granted", "source": "popup"}""")
                .exchange();

        assertThat(mvc.delete().uri("/api/v1/customers/" + id).header("X-Api-Key", "test-key"))
                .hasStatus(HttpStatus.NO_CONTENT);

        assertThat(get(mvc, "/api/v1/customers/" + id)).hasStatus(HttpStatus.NOT_FOUND);
        var row = jdbc.sql("select phone, first_name, email, erased_at from customer where id = ?")
                .param(id)
                .query()
                .singleRow();
        assertThat(row.get("phone")).isNull();
        assertThat(row.get("first_name")).isNull();
        assertThat(row.get("email")).isNull();
        assertThat(row.get("erased_at")).isNotNull();
        assertThat(events.stream(CustomerErased.class))
                .singleElement()
                .extracting(CustomerErased::customerId)
                .isEqualTo(id);
        assertThat(events.stream(ConsentWithdrawn.class))
                .singleElement()
                .extracting(ConsentWithdrawn::source)
                .isEqualTo("erasure");
        var ledger = jdbc.sql("select status from consent_change where customer_id = ? order by id")
                .param(id)
                .query(String.class)
                .list();
        assertThat(ledger).containsExactly("GRANTED", "WITHDRAWN");
    }

    @Test
    void erasingAnUnknownCustomerIs404() {
        assertThat(mvc.delete().uri("/api/v1/customers/" + uniqueId("nobody")).header("X-Api-Key", "test-key"))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void anErasedCustomerCanRegisterAgain() {
        var id = uniqueId("c");
        var path = "/api/v1/customers/" + id;
        json(mvc, HttpMethod.PUT, path, customer("+34612345678")).exchange();
        mvc.delete().uri(path).header("X-Api-Key", "test-key").exchange();

        assertThat(json(mvc, HttpMethod.PUT, path, customer("+34612345678"))).hasStatus(HttpStatus.CREATED);
        assertThat(events.stream(CustomerRegistered.class)).hasSize(2);
    }

    private static Object jsonField(org.springframework.mock.web.MockHttpServletResponse response, String field) {
        try {
            return com.jayway.jsonpath.JsonPath.read(response.getContentAsString(), "$." + field);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
