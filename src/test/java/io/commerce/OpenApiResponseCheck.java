package io.commerce;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Holds every response an integration test observes on {@code /api/**} and {@code /webhooks/**} to the
 * published description ({@code /v3/api-docs} of the same application): a response the description does
 * not describe fails the test that got it, with what differs.
 */
@TestConfiguration(proxyBeanMethods = false)
public class OpenApiResponseCheck {

    private OpenApiContract contract;

    @Bean
    MockMvcBuilderCustomizer validateResponsesAgainstOpenApi(WebApplicationContext context) {
        return builder -> builder.alwaysDo(result -> {
            var request = result.getRequest();
            var path = request.getRequestURI();
            if (!path.startsWith("/api/") && !path.startsWith("/webhooks/")) {
                return;
            }
            var response = result.getResponse();
            var mismatches = contract(context)
                    .mismatches(new OpenApiContract.Exchange(
                            request.getMethod(),
                            path,
                            response.getStatus(),
                            response.getContentType(),
                            response.getContentAsByteArray(),
                            response::getHeader));
            if (!mismatches.isEmpty()) {
                throw new AssertionError("The response is not one the OpenAPI description describes:\n  "
                        + String.join("\n  ", mismatches) + "\nbody: " + response.getContentAsString());
            }
        });
    }

    /** The description as the running application publishes it, read once. */
    private synchronized OpenApiContract contract(WebApplicationContext context) throws Exception {
        if (contract == null) {
            var docs = MockMvcBuilders.webAppContextSetup(context)
                    .build()
                    .perform(get("/v3/api-docs"))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            contract = new OpenApiContract(docs);
        }
        return contract;
    }
}
