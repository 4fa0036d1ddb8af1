package io.commerce.platform;

import java.util.Locale;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.EnumFeature;

/**
 * Enumerations are lower-case strings on the wire, in bodies as in paths ({@code whatsapp},
 * {@code marketing}); an unknown value or a number where an enum belongs is a client error.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration implements WebMvcConfigurer {

    @Bean
    JsonMapperBuilderCustomizer lowerCaseEnumsInJson() {
        return builder -> builder.enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverterFactory(new CaseInsensitiveEnumConverterFactory());
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
