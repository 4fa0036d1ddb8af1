package io.commerce.platform;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds to every operation the problem+json errors it can give, from facts about it rather than per-operation
 * annotations: any request can carry a malformed query string or a parameter given twice (400, {@link
 * RequestParametersFilter}); {@code /api/**} needs the API key (401) and checks its input; a body can be too large
 * (413) or of the wrong type (415); a path naming a resource can name none (404), except a {@code PUT} that
 * creates the one resource its path names; a write can meet a concurrent one (409); a {@code POST} takes an
 * {@code Idempotency-Key}, reused for another request (422) or while the first still runs (409). Operations
 * with errors of their own declare them where they are.
 */
final class ErrorResponses {

    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;
    private static final String INVALID_SIGNATURE = "InvalidSignature";

    /** A shared problem response: its name in {@code components/responses} and what it means. */
    private record ProblemResponse(String name, String description) {}

    private static final Map<String, ProblemResponse> RESPONSES = Map.of(
            "400",
            new ProblemResponse(
                    "BadRequest",
                    "The request is malformed or a value is invalid (MALFORMED_JSON, VALIDATION_FAILED with"
                            + " per-field errors, INVALID_PHONE_NUMBER, …)"),
            "401",
            new ProblemResponse("Unauthorized", "The X-Api-Key header is missing or holds no valid key"),
            "404",
            new ProblemResponse("NotFound", "Nothing with this id exists (CUSTOMER_NOT_FOUND, ORDER_NOT_FOUND, …)"),
            "409",
            new ProblemResponse(
                    "Conflict",
                    "The resource's state forbids the change (INVALID_ORDER_TRANSITION, SERVICE_WINDOW_CLOSED,"
                            + " …), another request changed it at the same time (CONCURRENT_MODIFICATION), or a"
                            + " request with this Idempotency-Key still runs"),
            "413",
            new ProblemResponse("PayloadTooLarge", "The request body is larger than the limit (PAYLOAD_TOO_LARGE)"),
            "415",
            new ProblemResponse("UnsupportedMediaType", "The body is not application/json"),
            "422",
            new ProblemResponse(
                    "UnprocessableContent",
                    "The body names something that does not exist (UNKNOWN_CUSTOMER, UNKNOWN_VARIANT,"
                            + " UNKNOWN_TEMPLATE, …), or the Idempotency-Key was used for another request"));

    private ErrorResponses() {}

    static void apply(OpenAPI openApi) {
        addComponents(openApi);
        openApi.getPaths()
                .forEach((path, item) ->
                        item.readOperationsMap().forEach((method, operation) -> describe(path, method, operation)));
    }

    private static void describe(String path, HttpMethod method, Operation operation) {
        var api = path.startsWith("/api/");
        var parameters = operation.getParameters() == null ? List.<Parameter>of() : operation.getParameters();
        var jsonBody = operation.getRequestBody() != null
                && operation.getRequestBody().getContent().containsKey(JSON);
        var codes = new LinkedHashSet<String>();
        codes.add("400"); // RequestParametersFilter reads every query string first
        if (!api) {
            operation.setSecurity(List.of()); // signed by the provider instead
            if (method == HttpMethod.POST) {
                codes.add("401");
            }
        } else {
            codes.add("401");
            if (parameters.stream().anyMatch(p -> "path".equals(p.getIn()))
                    && !createsWhatItsPathNames(method, path, operation)) {
                codes.add("404");
            }
            if (method != HttpMethod.GET) {
                codes.add("409");
            }
            if (jsonBody) {
                codes.add("415");
            }
            if (method == HttpMethod.POST) {
                idempotencyKey(operation);
                codes.add("422");
            }
        }
        if (jsonBody || (api && (method == HttpMethod.POST || method == HttpMethod.PUT))) {
            codes.add("413");
        }
        codes.forEach(code -> {
            var name = api || !code.equals("401") ? RESPONSES.get(code).name() : INVALID_SIGNATURE;
            operation.getResponses().putIfAbsent(code, new ApiResponse().$ref("#/components/responses/" + name));
        });
    }

    /** {@code PUT /customers/{customerId}}: an unknown id is created (201), never a 404. */
    private static boolean createsWhatItsPathNames(HttpMethod method, String path, Operation operation) {
        return method == HttpMethod.PUT
                && operation.getResponses().containsKey("201")
                && path.chars().filter(c -> c == '{').count() == 1
                && path.endsWith("}");
    }

    private static void idempotencyKey(Operation operation) {
        operation.addParametersItem(new Parameter()
                .in("header")
                .name(IdempotencyFilter.HEADER)
                .required(false)
                .description("A replay with the same key and the same request returns the first response"
                        + " (marked Idempotent-Replayed: true); the same key with another request is a 422."
                        + " Kept for a day.")
                .schema(new JsonSchema().types(Set.of("string")).minLength(1).maxLength(255)));
        operation.getResponses().entrySet().stream()
                .filter(response -> response.getKey().startsWith("2"))
                .forEach(response -> response.getValue()
                        .addHeaderObject(
                                "Idempotent-Replayed",
                                new Header()
                                        .description("true when this is the stored response of an earlier request"
                                                + " with the same Idempotency-Key")
                                        .schema(string()._const("true"))));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void addComponents(OpenAPI openApi) {
        var components = openApi.getComponents();
        components.addSchemas(
                "FieldError",
                new JsonSchema()
                        .types(Set.of("object"))
                        .description("One rejected field: its path in the request, and why")
                        .addProperty("field", string())
                        .addProperty("message", string())
                        .required(List.of("field", "message")));
        components.addSchemas(
                PROBLEM,
                new JsonSchema()
                        .types(Set.of("object"))
                        .description("An RFC 9457 problem with the stable code clients switch on")
                        .addProperty("type", string().format("uri-reference"))
                        .addProperty("title", string())
                        .addProperty(
                                "status",
                                new JsonSchema().types(Set.of("integer")).format("int32"))
                        .addProperty("detail", string())
                        .addProperty("instance", string().format("uri-reference"))
                        .addProperty("code", string().description("Stable, e.g. CUSTOMER_NOT_FOUND"))
                        .addProperty(
                                "errors",
                                new JsonSchema()
                                        .types(Set.of("array"))
                                        .description("The rejected fields, for VALIDATION_FAILED")
                                        .items(new JsonSchema().$ref("#/components/schemas/FieldError")))
                        .required(List.of("type", "title", "status", "detail", "code")));
        RESPONSES.forEach((code, response) -> {
            var problem = new ApiResponse()
                    .description(response.description())
                    .content(new Content()
                            .addMediaType(
                                    PROBLEM_JSON,
                                    new MediaType().schema(new JsonSchema().$ref("#/components/schemas/" + PROBLEM))));
            if (code.equals("401")) {
                problem.addHeaderObject(
                        "WWW-Authenticate",
                        new Header().required(true).schema(string()).description("ApiKey header=\"X-Api-Key\""));
            }
            components.addResponses(response.name(), problem);
        });
        components.addResponses(
                INVALID_SIGNATURE,
                new ApiResponse()
                        .description("The provider's signature header is missing or does not match the body;"
                                + " nothing was processed (INVALID_SIGNATURE)")
                        .content(new Content()
                                .addMediaType(
                                        PROBLEM_JSON,
                                        new MediaType()
                                                .schema(new JsonSchema().$ref("#/components/schemas/" + PROBLEM)))));
    }

    private static Schema<String> string() {
        return new JsonSchema().types(Set.of("string"));
    }
}
