package io.commerce.catalog;

import static io.commerce.Api.customer;
import static io.commerce.Api.get;
import static io.commerce.Api.json;
import static io.commerce.Api.product;
import static io.commerce.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import io.commerce.IntegrationTest;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class CatalogApiTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationEvents events;

    String productId;

    @BeforeEach
    void newProductId() {
        productId = uniqueId("p");
    }

    @Test
    void createsProductWithVariantsAndRepeatsWithoutEvents() {
        var created = json(mvc, HttpMethod.PUT, productPath(), product(0, "89.95"));
        var again = json(mvc, HttpMethod.PUT, productPath(), product(0, "89.95"));

        assertThat(created).hasStatus(HttpStatus.CREATED);
        assertThat(created).bodyJson().extractingPath("$.variants[0].price").isEqualTo(89.95);
        assertThat(again).hasStatus(HttpStatus.OK);
        assertThat(events.stream(VariantRestocked.class)).isEmpty();
        assertThat(events.stream(PriceDropped.class)).isEmpty();
        assertThat(get(mvc, productPath()))
                .bodyJson()
                .extractingPath("$.variants[0].variantId")
                .isEqualTo("v-42");
    }

    @Test
    void inventoryFromZeroToMoreIsARestock() {
        json(mvc, HttpMethod.PUT, productPath(), product(0, "89.95")).exchange();

        var result = json(mvc, HttpMethod.PUT, productPath() + "/variants/v-42/inventory", "{\"quantity\": 12}");

        assertThat(result)
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.inventory")
                .isEqualTo(12);
        assertThat(events.stream(VariantRestocked.class)).singleElement().satisfies(event -> {
            assertThat(event.productId()).isEqualTo(productId);
            assertThat(event.variantId()).isEqualTo("v-42");
            assertThat(event.quantity()).isEqualTo(12);
        });
    }

    @Test
    void inventoryChangesAboveZeroAreNoRestock() {
        json(mvc, HttpMethod.PUT, productPath(), product(3, "89.95")).exchange();

        json(mvc, HttpMethod.PUT, productPath() + "/variants/v-42/inventory", "{\"quantity\": 12}")
                .exchange();
        json(mvc, HttpMethod.PUT, productPath() + "/variants/v-42/inventory", "{\"quantity\": 0}")
                .exchange();

        assertThat(events.stream(VariantRestocked.class)).isEmpty();
    }

    @Test
    void productUpsertCanRestockAndDropThePrice() {
        json(mvc, HttpMethod.PUT, productPath(), product(0, "89.95")).exchange();

        json(mvc, HttpMethod.PUT, productPath(), product(5, "79.95")).exchange();

        assertThat(events.stream(VariantRestocked.class)).hasSize(1);
        assertThat(events.stream(PriceDropped.class)).singleElement().satisfies(event -> {
            assertThat(event.previousPrice().amount()).isEqualByComparingTo(new BigDecimal("89.95"));
            assertThat(event.price().amount()).isEqualByComparingTo(new BigDecimal("79.95"));
        });
    }

    @Test
    void aPriceRiseIsNoPriceDrop() {
        json(mvc, HttpMethod.PUT, productPath(), product(1, "79.95")).exchange();
        json(mvc, HttpMethod.PUT, productPath(), product(1, "89.95")).exchange();

        assertThat(events.stream(PriceDropped.class)).isEmpty();
    }

    @Test
    void refusesNegativeInventoryBadMoneyAndDuplicateVariants() {
        json(mvc, HttpMethod.PUT, productPath(), product(0, "89.95")).exchange();

        assertThat(json(mvc, HttpMethod.PUT, productPath() + "/variants/v-42/inventory", "{\"quantity\": -1}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("quantity");
        assertThat(json(mvc, HttpMethod.PUT, productPath(), product(0, "89.999")))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(json(mvc, HttpMethod.PUT, productPath(), """
                {"title": "T", "variants": [
                  {"variantId": "a", "price": 1, "currency": "EUR", "inventory": 1},
                  {"variantId": "a", "price": 1, "currency": "EUR", "inventory": 1}]}"""))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("variants");
        assertThat(json(mvc, HttpMethod.PUT, productPath(), """
                {"title": "T", "variants": [{"variantId": "a", "price": 1, "currency": "euro", "inventory": 1}]}"""))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0]")
                .isEqualTo(java.util.Map.of(
                        "field", "variants[0].currency", "message", "must be an ISO-4217 code such as EUR"));
    }

    @Test
    void unknownProductOrVariantIs404() {
        assertThat(get(mvc, productPath())).hasStatus(HttpStatus.NOT_FOUND);
        json(mvc, HttpMethod.PUT, productPath(), product(0, "89.95")).exchange();
        assertThat(json(mvc, HttpMethod.PUT, productPath() + "/variants/nope/inventory", "{\"quantity\": 1}"))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("VARIANT_NOT_FOUND");
    }

    @Test
    void subscribesToBackInStockOncePerVariantAndChannel() {
        json(mvc, HttpMethod.PUT, productPath(), product(0, "89.95")).exchange();
        var customerId = uniqueId("c");
        json(mvc, HttpMethod.PUT, "/api/v1/customers/" + customerId, customer("+34612345678"))
                .exchange();
        var path = "/api/v1/customers/" + customerId + "/back-in-stock-subscriptions";
        var body = "{\"productId\": \"%s\", \"variantId\": \"v-42\", \"channel\": \"sms\"}".formatted(productId);

        var first = json(mvc, HttpMethod.POST, path, body);
        var second = json(mvc, HttpMethod.POST, path, body);

        assertThat(first)
                .hasStatus(HttpStatus.CREATED)
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("active");
        assertThat(second).hasStatus(HttpStatus.OK);
        assertThat(get(mvc, path)).bodyJson().extractingPath("$").asArray().hasSize(1);
    }

    @Test
    void subscriptionNeedsAKnownCustomerAndVariant() {
        json(mvc, HttpMethod.PUT, productPath(), product(0, "89.95")).exchange();
        var customerId = uniqueId("c");
        json(mvc, HttpMethod.PUT, "/api/v1/customers/" + customerId, customer("+34612345678"))
                .exchange();

        assertThat(json(
                        mvc,
                        HttpMethod.POST,
                        "/api/v1/customers/" + uniqueId("x") + "/back-in-stock-subscriptions",
                        """
                {"productId": "%s", "variantId": "v-42", "channel": "sms"}""".formatted(productId)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(json(
                        mvc,
                        HttpMethod.POST,
                        "/api/v1/customers/" + customerId + "/back-in-stock-subscriptions",
                        """
                {"productId": "%s", "variantId": "v-99", "channel": "sms"}""".formatted(productId)))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("UNKNOWN_VARIANT");
        assertThat(json(
                        mvc,
                        HttpMethod.POST,
                        "/api/v1/customers/" + customerId + "/back-in-stock-subscriptions",
                        """
                {"productId": "%s", "variantId": "v-42", "channel": "fax"}""".formatted(productId)))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    private String productPath() {
        return "/api/v1/products/" + productId;
    }
}
