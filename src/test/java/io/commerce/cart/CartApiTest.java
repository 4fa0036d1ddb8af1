package io.commerce.cart;

import static io.commerce.Api.cart;
import static io.commerce.Api.get;
import static io.commerce.Api.json;
import static io.commerce.Api.mirrorCustomerAndProduct;
import static io.commerce.Api.order;
import static io.commerce.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import io.commerce.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class CartApiTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationEvents events;

    String customerId;
    String productId;
    String cartPath;

    @BeforeEach
    void mirrorShopData() {
        customerId = uniqueId("c");
        productId = uniqueId("p");
        cartPath = "/api/v1/carts/" + uniqueId("cart");
        mirrorCustomerAndProduct(mvc, customerId, productId);
    }

    @Test
    void createsCartAndPublishesCartUpdated() {
        var result = json(mvc, HttpMethod.PUT, cartPath, cart(customerId, productId, 1));

        assertThat(result).hasStatus(HttpStatus.CREATED);
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo("active");
        assertThat(result).bodyJson().extractingPath("$.lines[0].quantity").isEqualTo(1);
        assertThat(events.stream(CartUpdated.class)).singleElement().satisfies(event -> {
            assertThat(event.customerId()).isEqualTo(customerId);
            assertThat(event.lineCount()).isEqualTo(1);
        });
    }

    @Test
    void unchangedCartPublishesNothingAndChangedCartPublishesAgain() {
        json(mvc, HttpMethod.PUT, cartPath, cart(customerId, productId, 1)).exchange();

        assertThat(json(mvc, HttpMethod.PUT, cartPath, cart(customerId, productId, 1)))
                .hasStatus(HttpStatus.OK);
        assertThat(events.stream(CartUpdated.class)).hasSize(1);

        json(mvc, HttpMethod.PUT, cartPath, cart(customerId, productId, 2)).exchange();
        assertThat(events.stream(CartUpdated.class)).hasSize(2);
        assertThat(get(mvc, cartPath))
                .bodyJson()
                .extractingPath("$.lines[0].quantity")
                .isEqualTo(2);
    }

    @Test
    void refusesNegativeQuantitiesUnknownCustomersAndUnknownVariants() {
        assertThat(json(mvc, HttpMethod.PUT, cartPath, cart(customerId, productId, -1)))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("lines[0].quantity");
        assertThat(json(mvc, HttpMethod.PUT, cartPath, cart(uniqueId("nobody"), productId, 1)))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("UNKNOWN_CUSTOMER");
        assertThat(json(mvc, HttpMethod.PUT, cartPath, cart(customerId, uniqueId("nothing"), 1)))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("UNKNOWN_VARIANT");
        assertThat(get(mvc, cartPath)).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void anOrderConvertsTheCartWhichThenCannotChange() {
        var cartId = cartPath.substring(cartPath.lastIndexOf('/') + 1);
        json(mvc, HttpMethod.PUT, cartPath, cart(customerId, productId, 1)).exchange();

        json(mvc, HttpMethod.PUT, "/api/v1/orders/" + uniqueId("o"), order(customerId, cartId, productId))
                .exchange();

        assertThat(get(mvc, cartPath)).bodyJson().extractingPath("$.status").isEqualTo("converted");
        assertThat(events.stream(CartConverted.class))
                .singleElement()
                .extracting(CartConverted::cartId)
                .isEqualTo(cartId);
        assertThat(json(mvc, HttpMethod.PUT, cartPath, cart(customerId, productId, 3)))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("CART_ALREADY_CONVERTED");
    }
}
