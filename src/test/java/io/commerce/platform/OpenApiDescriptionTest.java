package io.commerce.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.commerce.IntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The description the service publishes is a valid OpenAPI 3.1 document, every language's validators can
 * read its patterns, and it is the one committed as {@code docs/openapi.json} (the file shops generate their
 * clients from, and the build generates its Java client from).
 */
@IntegrationTest
class OpenApiDescriptionTest {

    static final Path COMMITTED = Path.of("docs/openapi.json");
    private static final String OAS_31 = "https://spec.openapis.org/oas/3.1/schema/2025-11-23";
    private static final String JSON_SCHEMA_2020_12 = "https://json-schema.org/draft/2020-12/schema";
    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Autowired
    MockMvcTester mvc;

    @Test
    void committedDescriptionIsTheServedOne() throws IOException {
        var served = served();
        if (Boolean.getBoolean("openapi.write")) {
            Files.writeString(COMMITTED, JSON.writeValueAsString(served) + "\n");
        }
        assertThat(JSON.readTree(Files.readString(COMMITTED)))
                .withFailMessage("docs/openapi.json is not what the service publishes at /v3/api-docs; refresh it:"
                        + " ./mvnw test -Dtest=OpenApiDescriptionTest -Dopenapi.write=true")
                .isEqualTo(served);
    }

    @Test
    void descriptionIsAValidOpenApi31Document() throws IOException {
        var served = served();
        var official = new ClassPathResource("openapi/oas-3.1-schema-2025-11-23.json")
                .getContentAsString(StandardCharsets.UTF_8);
        var registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12, builder -> builder.schemas(Map.of(OAS_31, official)));
        assertThat(registry.getSchema(SchemaLocation.of(OAS_31))
                        .validate(JSON.writeValueAsString(served), InputFormat.JSON))
                .isEmpty();

        var metaSchema = registry.getSchema(SchemaLocation.of(JSON_SCHEMA_2020_12));
        var schemaObjects = schemaObjects(served);
        assertThat(schemaObjects).hasSizeGreaterThan(100);
        schemaObjects.forEach(schema ->
                assertThat(metaSchema.validate(schema)).as("%s", schema).isEmpty());
    }

    @Test
    void patternsAreAnchoredEcmaScriptThatJavaReadsTheSame() {
        var patterns = new ArrayList<String>();
        collect(served(), "pattern", patterns);
        assertThat(patterns).isNotEmpty().allSatisfy(pattern -> {
            assertThat(pattern).startsWith("^").endsWith("$");
            assertThat(pattern)
                    .as("Java-only syntax: class intersection, POSIX classes, possessive or atomic groups")
                    .doesNotContain("&&", "\\p{Graph}", "\\p{Alpha}", "\\p{Punct}", "\\p{Print}", "++", "(?>");
            Pattern.compile(pattern);
        });
    }

    @Test
    void everyOperationDescribesItsErrors() {
        var operations = new ArrayList<String>();
        served().path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    var statuses = operation.getValue().path("responses").propertyNames();
                    if (statuses.stream().noneMatch(status -> status.startsWith("4"))
                            || (path.getKey().startsWith("/api/") && !statuses.contains("401"))) {
                        operations.add(operation.getKey() + " " + path.getKey() + " " + statuses);
                    }
                }));
        assertThat(operations).as("operations without their errors").isEmpty();
    }

    @Test
    void listsTakeOptionalPageAndSizeIntegers() {
        var paths = served().path("paths");
        for (var list : List.of("/api/v1/handoffs", "/api/v1/messages", "/api/v1/customers", "/api/v1/campaigns")) {
            var parameters = paths.path(list).path("get").path("parameters");
            for (var name : List.of("page", "size")) {
                assertThat(parameters.values()).as("%s ?%s", list, name).anySatisfy(parameter -> {
                    assertThat(parameter.path("name").asString()).isEqualTo(name);
                    assertThat(parameter.path("in").asString()).isEqualTo("query");
                    assertThat(parameter.path("required").asBoolean(false)).isFalse();
                    assertThat(parameter.path("schema").path("type").asString()).isEqualTo("integer");
                });
            }
        }
    }

    @Test
    void springErrorPageAndProviderStandInsAreNotPublished() {
        assertThat(served().path("paths").propertyNames())
                .noneMatch(path -> path.equals("/error") || path.startsWith("/sandbox/"));
    }

    private JsonNode served() {
        var body = mvc.get().uri("/v3/api-docs").exchange().getResponse();
        try {
            return JSON.readTree(body.getContentAsString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every Schema Object of the description: the components' and those of parameters, bodies, headers. */
    private static List<JsonNode> schemaObjects(JsonNode description) {
        var found = new ArrayList<JsonNode>();
        description.path("components").path("schemas").values().forEach(found::add);
        collect(description.path("paths"), "schema", found);
        collect(description.path("components").path("responses"), "schema", found);
        return found;
    }

    private static <T> void collect(JsonNode node, String name, List<T> found) {
        node.properties().forEach(property -> {
            if (property.getKey().equals(name)) {
                @SuppressWarnings("unchecked")
                var value = (T)
                        (property.getValue().isString() ? property.getValue().asString() : property.getValue());
                found.add(value);
            } else {
                collect(property.getValue(), name, found);
            }
        });
        if (node.isArray()) {
            node.values().forEach(element -> collect(element, name, found));
        }
    }
}
