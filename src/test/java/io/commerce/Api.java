package io.commerce;

import java.util.UUID;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;

/** Short-hands for authenticated JSON requests and unique ids in integration tests. */
public final class Api {

    public static final String KEY = "test-key";

    private Api() {}

    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static MockMvcRequestBuilder json(MockMvcTester mvc, HttpMethod method, String path, String body) {
        return mvc.method(method)
                .uri(path)
                .header("X-Api-Key", KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    public static MockMvcRequestBuilder get(MockMvcTester mvc, String path) {
        return mvc.get().uri(path).header("X-Api-Key", KEY);
    }

    /** Mirrors a customer and a product with variant {@code v-42} in stock, as most scenarios need. */
    public static void mirrorCustomerAndProduct(MockMvcTester mvc, String customerId, String productId) {
        json(mvc, HttpMethod.PUT, "/api/v1/customers/" + customerId, customer("+34612345678"))
                .assertThat()
                .hasStatus2xxSuccessful();
        json(mvc, HttpMethod.PUT, "/api/v1/products/" + productId, product(5, "89.95"))
                .assertThat()
                .hasStatus2xxSuccessful();
    }

    public static String customer(String phone) {
        return """
                {"phone": "%s", "firstName": "Sara", "lastName": "García", "email": "sara@example.com",
                 "tags": ["vip"], "attributes": {"loyaltyTier": "gold"}}""".formatted(phone);
    }

    public static String product(int inventory, String price) {
        return """
                {"title": "Runner X", "url": "https://shop.example/p/runner-x", "category": "sneakers",
                 "variants": [{"variantId": "v-42", "title": "EU 42", "price": %s, "currency": "EUR",
                               "inventory": %d}]}""".formatted(price, inventory);
    }

    public static String cart(String customerId, String productId, int quantity) {
        return """
                {"customerId": "%s", "currency": "EUR", "checkoutUrl": "https://shop.example/checkout/abc",
                 "lines": [{"productId": "%s", "variantId": "v-42", "quantity": %d, "unitPrice": 89.95}]}""".formatted(customerId, productId, quantity);
    }

    public static String order(String customerId, String cartId, String productId) {
        return """
                {"customerId": "%s", "cartId": %s, "currency": "EUR", "total": 89.95,
                 "placedAt": "2026-11-23T10:15:30Z", "orderUrl": "https://shop.example/orders/1001",
                 "lines": [{"productId": "%s", "variantId": "v-42", "quantity": 1, "unitPrice": 89.95}]}""".formatted(customerId, cartId == null ? "null" : '"' + cartId + '"', productId);
    }
}
