package io.commerce;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An OpenAPI 3.1 description, asked whether a response is one it describes: the path and method are an
 * operation, the status is one of its responses, the content type one of that response's media types, the
 * body valid against its schema (JSON Schema 2020-12 with the OpenAPI dialect, by networknt's validator) and
 * its required headers present. A path or method the description does not have may only be answered with
 * a 4xx problem.
 */
public final class OpenApiContract {

    /** What a test observed: the request and the response it got. */
    public record Exchange(
            String method, String path, int status, String contentType, byte[] body, Function<String, String> header) {}

    private static final String BASE = "https://commerce.invalid/openapi.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonNode document;
    private final ObjectNode responseSchemas;
    private final SchemaRegistry schemas;
    private final List<PathTemplate> paths;
    private final Map<String, String> responseSchemaIds = new java.util.HashMap<>();

    private record PathTemplate(String template, Pattern pattern, int variables) {}

    public OpenApiContract(String description) {
        document = JSON.readTree(description);
        responseSchemas = JSON.createObjectNode();
        var copy = (ObjectNode) document.deepCopy();
        copy.set("x-response-schemas", responseSchemas);
        paths = document.path("paths").propertyNames().stream()
                .map(template -> new PathTemplate(
                        template,
                        Pattern.compile(template.replaceAll("\\{[^/]+}", "[^/]+")),
                        template.split("\\{", -1).length - 1))
                .sorted(Comparator.comparingInt(PathTemplate::variables))
                .toList();
        var index = 0;
        for (var template : paths) {
            for (var operation :
                    document.path("paths").path(template.template()).properties()) {
                for (var response : operation.getValue().path("responses").properties()) {
                    for (var media :
                            resolve(response.getValue()).path("content").properties()) {
                        if (media.getValue().has("schema")) {
                            var id = "s" + index++;
                            responseSchemas.set(id, media.getValue().get("schema"));
                            responseSchemaIds.put(
                                    key(template.template(), operation.getKey(), response.getKey(), media.getKey()),
                                    id);
                        }
                    }
                }
            }
        }
        var text = JSON.writeValueAsString(copy);
        schemas = SchemaRegistry.withDefaultDialect(
                Dialects.getOpenApi31(), builder -> builder.schemas(Map.of(BASE, text)));
        if (index == 0) {
            throw new IllegalArgumentException("the description has no response schemas");
        }
    }

    public JsonNode document() {
        return document;
    }

    /** Every way the response differs from the description; empty when it is one it describes. */
    public List<String> mismatches(Exchange exchange) {
        var method = exchange.method().toLowerCase(Locale.ROOT);
        var template = paths.stream()
                .filter(candidate ->
                        candidate.pattern().matcher(exchange.path()).matches())
                .filter(candidate ->
                        document.path("paths").path(candidate.template()).has(method))
                .findFirst();
        if (template.isEmpty()) {
            return exchange.status() >= 400 && exchange.status() < 500
                    ? checkBody(exchange, "#/components/schemas/Problem", MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                    : List.of("no operation %s %s is described, and the answer %d is not a 4xx"
                            .formatted(exchange.method(), exchange.path(), exchange.status()));
        }
        var operation = document.path("paths").path(template.get().template()).path(method);
        var status = String.valueOf(exchange.status());
        var response = operation.path("responses").path(status);
        if (response.isMissingNode()) {
            return List.of("%s %s (%s) does not describe the status %s it answered"
                    .formatted(
                            exchange.method(), exchange.path(), template.get().template(), status));
        }
        response = resolve(response);
        var mismatches = new ArrayList<String>();
        response.path("headers").properties().forEach(header -> {
            if (resolve(header.getValue()).path("required").asBoolean(false)
                    && exchange.header().apply(header.getKey()) == null) {
                mismatches.add("the required header " + header.getKey() + " is missing");
            }
        });
        var content = response.path("content");
        if (exchange.body().length == 0) {
            if (!content.isEmpty()) {
                mismatches.add("the body is empty, but the description gives it content " + content.propertyNames());
            }
            return prefixed(exchange, template.get().template(), mismatches);
        }
        var type = mediaType(exchange.contentType());
        var media = content.propertyNames().stream()
                .filter(name -> type != null && MediaType.parseMediaType(name).includes(type))
                .findFirst();
        if (media.isEmpty()) {
            mismatches.add(
                    "the content type %s is not among %s".formatted(exchange.contentType(), content.propertyNames()));
            return prefixed(exchange, template.get().template(), mismatches);
        }
        if (content.path(media.get()).has("schema")) {
            mismatches.addAll(checkBody(
                    exchange,
                    "#/x-response-schemas/"
                            + responseSchemaIds.get(key(template.get().template(), method, status, media.get())),
                    media.get()));
        }
        return prefixed(exchange, template.get().template(), mismatches);
    }

    private List<String> checkBody(Exchange exchange, String pointer, String mediaType) {
        var type = mediaType(exchange.contentType());
        if (exchange.body().length == 0 || type == null) {
            return List.of();
        }
        if (!type.getSubtype().endsWith("json")) {
            return List.of();
        }
        var body = new String(exchange.body(), StandardCharsets.UTF_8);
        var schema = schemas.getSchema(SchemaLocation.of(BASE + pointer));
        return schema.validate(body, InputFormat.JSON).stream()
                .map(error -> "%s against %s: %s".formatted(mediaType, pointer, error))
                .toList();
    }

    private static List<String> prefixed(Exchange exchange, String template, List<String> mismatches) {
        return mismatches.stream()
                .map(mismatch -> "%s %s (%s) %d: %s"
                        .formatted(exchange.method(), exchange.path(), template, exchange.status(), mismatch))
                .toList();
    }

    /** A {@code $ref} to {@code #/components/...} followed, anything else as it is. */
    private JsonNode resolve(JsonNode node) {
        var ref = node.path("$ref");
        return ref.isString() ? document.at(ref.asString().substring(1)) : node;
    }

    private static MediaType mediaType(String contentType) {
        return Optional.ofNullable(contentType).map(MediaType::parseMediaType).orElse(null);
    }

    private static String key(String path, String method, String status, String media) {
        return String.join(" ", method, path, status, media);
    }
}
