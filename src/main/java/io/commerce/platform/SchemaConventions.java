package io.commerce.platform;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the wire format says about every schema, applied to the generated description: enumerations are
 * lower-case; patterns match the whole value (as Bean Validation's {@code @Pattern} does); an optional field
 * of a request body may be sent as {@code null}; every field of a response is present (Jackson writes nulls),
 * so response-only schemas list all their properties as required.
 */
final class SchemaConventions {

    private static final String REF_PREFIX = "#/components/schemas/";

    private SchemaConventions() {}

    static void apply(OpenAPI openApi) {
        var schemas = openApi.getComponents().getSchemas();
        var operations = openApi.getPaths().values().stream()
                .flatMap(path -> path.readOperations().stream())
                .toList();
        var inRequests = reachable(
                schemas,
                operations.stream()
                        .filter(operation -> operation.getRequestBody() != null)
                        .flatMap(operation ->
                                schemasOf(operation.getRequestBody().getContent())));
        var inResponses = reachable(
                schemas,
                operations.stream()
                        .flatMap(operation -> operation.getResponses().values().stream())
                        .flatMap(response -> schemasOf(response.getContent())));
        inRequests.forEach(name -> optionalMayBeNull(schemas.get(name)));
        inResponses.stream().filter(name -> !inRequests.contains(name)).forEach(name -> allPresent(schemas.get(name)));
        schemas.values().forEach(SchemaConventions::wireFormat);
        operations.stream()
                .filter(operation -> operation.getParameters() != null)
                .flatMap(operation -> operation.getParameters().stream())
                .forEach(parameter -> wireFormat(parameter.getSchema()));
    }

    @SuppressWarnings("rawtypes")
    private static void optionalMayBeNull(Schema schema) {
        if (schema == null || schema.getProperties() == null) {
            return;
        }
        var required = schema.getRequired() == null ? List.of() : schema.getRequired();
        new ArrayList<String>(schema.getProperties().keySet())
                .stream()
                        .filter(name -> !required.contains(name))
                        .forEach(name -> NullableProperties.allowNull(schema.getProperties(), name));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void allPresent(Schema schema) {
        if (schema != null && schema.getProperties() != null) {
            schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
        }
    }

    /** Lower-case enumerations and anchored patterns, all the way down. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void wireFormat(Schema schema) {
        if (schema == null) {
            return;
        }
        if (schema.getEnum() != null) {
            schema.setEnum(schema.getEnum().stream()
                    .map(value -> value == null ? null : value.toString().toLowerCase(Locale.ROOT))
                    .toList());
        }
        if (schema.getPattern() != null) {
            schema.setPattern(anchored(schema.getPattern()));
        }
        children(schema).forEach(SchemaConventions::wireFormat);
    }

    private static String anchored(String pattern) {
        return (pattern.startsWith("^") ? "" : "^") + pattern + (pattern.endsWith("$") ? "" : "$");
    }

    @SuppressWarnings("rawtypes")
    private static Stream<Schema> schemasOf(Content content) {
        return content == null
                ? Stream.empty()
                : content.values().stream().map(media -> media.getSchema()).filter(Objects::nonNull);
    }

    /** The names of the component schemas the given schemas use, directly or through others. */
    @SuppressWarnings("rawtypes")
    private static Set<String> reachable(Map<String, Schema> schemas, Stream<Schema> roots) {
        var names = new HashSet<String>();
        var todo = new ArrayDeque<Schema>(roots.toList());
        while (!todo.isEmpty()) {
            var schema = todo.pop();
            if (schema.get$ref() != null) {
                var name = schema.get$ref().substring(REF_PREFIX.length());
                if (names.add(name) && schemas.get(name) != null) {
                    todo.push(schemas.get(name));
                }
            }
            children(schema).forEach(todo::push);
        }
        return names;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Stream<Schema> children(Schema schema) {
        var children = new ArrayList<Schema>();
        if (schema.getProperties() != null) {
            children.addAll(schema.getProperties().values());
        }
        if (schema.getItems() != null) {
            children.add(schema.getItems());
        }
        if (schema.getAdditionalProperties() instanceof Schema additional) {
            children.add(additional);
        }
        Stream.of(schema.getAnyOf(), schema.getOneOf(), schema.getAllOf())
                .filter(Objects::nonNull)
                .forEach(children::addAll);
        return children.stream();
    }
}
