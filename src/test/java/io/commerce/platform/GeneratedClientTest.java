package io.commerce.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.commerce.Api;
import io.commerce.client.ApiClient;
import io.commerce.client.ApiException;
import io.commerce.client.JSON;
import io.commerce.client.api.CustomerApi;
import io.commerce.client.model.CustomerDetails;
import io.commerce.client.model.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The Java client the build generates from {@code docs/openapi.json} (openapi-generator, {@code native}
 * library), as a shop would generate its own, talks to the running service: what compiles against the
 * description works against the service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class GeneratedClientTest {

    @LocalServerPort
    int port;

    @Test
    void upsertsReadsAndGetsTheProblemOfAnUnknownCustomer() throws Exception {
        var client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        client.setRequestInterceptor(request -> request.header("X-Api-Key", Api.KEY));
        var customers = new CustomerApi(client);
        var customerId = Api.uniqueId("client");

        var created = customers.upsertCustomerWithHttpInfo(
                customerId,
                new CustomerDetails()
                        .phone("+34 612 345 678")
                        .firstName("Sara")
                        .language("es")
                        .tags(List.of("vip")));
        assertThat(created.getStatusCode()).isEqualTo(201);
        assertThat(created.getData().getPhone()).isEqualTo("+34612345678");

        var read = customers.getCustomer(customerId);
        assertThat(read.getFirstName()).isEqualTo("Sara");
        assertThat(read.getEmail()).isNull();
        assertThat(read.getTimezone()).isEqualTo("Europe/Madrid");

        var missing = catchThrowableOfType(ApiException.class, () -> customers.getCustomer(Api.uniqueId("nobody")));
        assertThat(missing.getCode()).isEqualTo(404);
        var problem = JSON.getDefault().getMapper().readValue(missing.getResponseBody(), Problem.class);
        assertThat(problem.getCode()).isEqualTo("CUSTOMER_NOT_FOUND");
        assertThat(problem.getStatus()).isEqualTo(404);
    }
}
