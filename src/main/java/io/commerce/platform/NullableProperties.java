package io.commerce.platform;

import com.fasterxml.jackson.databind.type.TypeFactory;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A record component marked {@link Nullable} may be {@code null} on the wire: its property in the OpenAPI
 * description is {@code type: [T, "null"]} (an {@code anyOf} with {@code null} for a reference). Everything
 * else in a response record is there and not null.
 */
@Component
class NullableProperties implements ModelConverter {

    @Override
    @SuppressWarnings("rawtypes")
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (!chain.hasNext()) {
            return null;
        }
        var resolved = chain.next().resolve(type, context, chain);
        var raw = TypeFactory.defaultInstance().constructType(type.getType()).getRawClass();
        if (resolved == null || !raw.isRecord()) {
            return resolved;
        }
        var model = resolved.get$ref() == null
                ? resolved
                : context.getDefinedModels()
                        .get(resolved.get$ref().substring(resolved.get$ref().lastIndexOf('/') + 1));
        if (model != null && model.getProperties() != null) {
            for (var component : raw.getRecordComponents()) {
                if (component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
                    allowNull(model.getProperties(), component.getName());
                }
            }
        }
        return resolved;
    }

    @Override
    public boolean isOpenapi31() {
        return true;
    }

    /** Lets the property {@code name} be {@code null} as well as what it was. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static void allowNull(Map<String, Schema> properties, String name) {
        var property = properties.get(name);
        if (property == null) {
            return;
        }
        if (property.get$ref() != null) {
            var nullable = new JsonSchema()
                    .anyOf(List.of(new JsonSchema().$ref(property.get$ref()), new JsonSchema().types(types("null"))));
            nullable.setDescription(property.getDescription());
            properties.put(name, nullable);
            return;
        }
        if (property.getTypes() == null || property.getTypes().isEmpty()) {
            if (property.getType() == null) {
                return; // any value, null included
            }
            property.addType(property.getType());
        }
        property.addType("null");
        if (property.getEnum() != null && !property.getEnum().contains(null)) {
            var values = new ArrayList<Object>(property.getEnum());
            values.add(null);
            property.setEnum(values);
        }
    }

    private static java.util.Set<String> types(String... names) {
        return new java.util.LinkedHashSet<>(List.of(names));
    }
}
