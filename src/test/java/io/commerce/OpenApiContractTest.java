package io.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The check every integration test's responses go through finds what differs from the description. */
class OpenApiContractTest {

    private static OpenApiContract contract;

    private static final String PROFILE = """
            {"customerId": "c-1", "phone": "+34612345678", "firstName": %s, "lastName": null, "email": null,
             "language": "es", "timezone": "Europe/Madrid", "birthday": null, "tags": ["vip"],
             "attributes": {}, "createdAt": "2026-11-23T10:15:30Z", "updatedAt": "2026-11-23T10:15:30Z"}""";

    @BeforeAll
    static void readCommittedDescription() throws IOException {
        contract = new OpenApiContract(Files.readString(Path.of("docs/openapi.json")));
    }

    @Test
    void aResponseAsDescribedPasses() {
        assertThat(mismatches("GET", "/api/v1/customers/c-1", 200, "application/json", PROFILE.formatted("\"Sara\"")))
                .isEmpty();
        assertThat(mismatches("GET", "/api/v1/customers/c-1", 200, "application/json", PROFILE.formatted("null")))
                .as("firstName may be null")
                .isEmpty();
    }

    @Test
    void aFieldOfTheWrongTypeOrMissingFails() {
        var wrongType = PROFILE.formatted("\"Sara\"").replace("\"customerId\": \"c-1\"", "\"customerId\": 5");
        assertThat(mismatches("GET", "/api/v1/customers/c-1", 200, "application/json", wrongType))
                .singleElement()
                .asString()
                .contains("customerId", "string");
        var missing = PROFILE.formatted("\"Sara\"").replace("\"customerId\": \"c-1\",", "");
        assertThat(mismatches("GET", "/api/v1/customers/c-1", 200, "application/json", missing))
                .singleElement()
                .asString()
                .contains("customerId");
    }

    @Test
    void nullWhereTheDescriptionSaysNotNullFails() {
        var nullPhone = PROFILE.formatted("\"Sara\"").replace("\"+34612345678\"", "null");
        assertThat(mismatches("GET", "/api/v1/customers/c-1", 200, "application/json", nullPhone))
                .singleElement()
                .asString()
                .contains("phone");
    }

    @Test
    void anUndescribedStatusOrContentTypeFails() {
        assertThat(mismatches("GET", "/api/v1/customers/c-1", 418, "application/json", "{}"))
                .singleElement()
                .asString()
                .contains("418");
        assertThat(mismatches("GET", "/api/v1/customers/c-1", 200, "text/html", "<html/>"))
                .singleElement()
                .asString()
                .contains("text/html");
    }

    @Test
    void problemsMustBeProblems() {
        var problem = """
                {"type": "about:blank", "title": "Not Found", "status": 404, "detail": "customer 'c-1' does not exist",
                 "code": "CUSTOMER_NOT_FOUND", "instance": "/api/v1/customers/c-1"}""";
        assertThat(mismatches("GET", "/api/v1/customers/c-1", 404, "application/problem+json", problem))
                .isEmpty();
        assertThat(mismatches("GET", "/api/v1/customers/c-1", 404, "application/problem+json", "{\"title\": \"x\"}"))
                .isNotEmpty()
                .anySatisfy(mismatch -> assertThat(mismatch).contains("code"));
    }

    @Test
    void pathsTheDescriptionLacksMayOnlyBeAnsweredWithAProblem() {
        var problem = """
                {"type": "about:blank", "title": "Not Found", "status": 404, "detail": "Not Found", "code": "NOT_FOUND"}""";
        assertThat(mismatches("GET", "/api/v1/nothing-here", 404, "application/problem+json", problem))
                .isEmpty();
        assertThat(mismatches("GET", "/api/v1/nothing-here", 200, "application/json", "{}"))
                .isNotEmpty();
    }

    @Test
    void requiredHeadersAreChecked() {
        var problem = """
                {"type": "about:blank", "title": "Unauthorized", "status": 401, "detail": "no key", "code": "UNAUTHORIZED"}""";
        assertThat(mismatches("GET", "/api/v1/customers/c-1", 401, "application/problem+json", problem))
                .singleElement()
                .asString()
                .contains("WWW-Authenticate");
        assertThat(contract.mismatches(new OpenApiContract.Exchange(
                        "GET",
                        "/api/v1/customers/c-1",
                        401,
                        "application/problem+json",
                        problem.getBytes(StandardCharsets.UTF_8),
                        Map.of("WWW-Authenticate", "ApiKey header=\"X-Api-Key\"")::get)))
                .isEmpty();
    }

    private static java.util.List<String> mismatches(
            String method, String path, int status, String contentType, String body) {
        return contract.mismatches(new OpenApiContract.Exchange(
                method, path, status, contentType, body.getBytes(StandardCharsets.UTF_8), header -> null));
    }
}
