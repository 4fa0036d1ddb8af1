package io.commerce.platform;

import java.time.Instant;
import java.util.Locale;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Enumerations are lower-case strings on the wire, in bodies as in paths ({@code whatsapp},
 * {@code marketing}); an unknown value or a number where an enum belongs is a client error. No scalar is
 * coerced into another type: {@code "title": false}, {@code "quantity": "1"}, {@code "enabled": 1} or
 * {@code "total": "89.95"}, {@code "quantity": 1.5} or {@code "placedAt": 1700000000} (instants are ISO-8601
 * strings) are 400s naming the field. An integer where a decimal belongs ({@code "price": 90}) is a number all
 * the same and stays accepted.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration implements WebMvcConfigurer {

    @Bean
    JsonMapperBuilderCustomizer lowerCaseEnumsInJson() {
        return builder -> builder.enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS) // strings and "" into numbers, booleans, dates
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT) // 3.5 truncated into 3
                .withCoercionConfig(
                        LogicalType.Textual,
                        strings -> strings // numbers and booleans into strings
                                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    @Bean
    JacksonModule isoInstantsOnly() {
        return new SimpleModule("iso-instants-only").addDeserializer(Instant.class, new IsoInstantDeserializer());
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverterFactory(new CaseInsensitiveEnumConverterFactory());
    }

    /** Jackson would read a number as epoch seconds; the contract's instants are ISO-8601 strings only. */
    private static final class IsoInstantDeserializer extends StdScalarDeserializer<Instant> {
        IsoInstantDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            return InstantDeserializer.INSTANT.deserialize(parser, context);
        }
    }

    /** Path and query values such as {@code /consents/whatsapp/marketing} name enum constants in any case. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final class CaseInsensitiveEnumConverterFactory implements ConverterFactory<String, Enum> {
        @Override
        public <T extends Enum> Converter<String, T> getConverter(Class<T> targetType) {
            return source -> (T) Enum.valueOf(targetType, source.strip().toUpperCase(Locale.ROOT));
        }
    }
}
