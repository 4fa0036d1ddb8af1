package io.commerce;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Meta's published payloads (copied from shared/fixtures/whatsapp, see the README there). */
public final class Fixtures {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Fixtures() {}

    public static String text(String name) {
        try (var in = Fixtures.class.getResourceAsStream("/whatsapp/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(String name) {
        return JSON.readTree(text(name));
    }

    public static JsonNode parse(String json) {
        return JSON.readTree(json);
    }

    public static JsonNode tree(Object value) {
        return JSON.valueToTree(value);
    }
}
