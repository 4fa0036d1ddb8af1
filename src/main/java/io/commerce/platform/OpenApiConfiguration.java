package io.commerce.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Locale;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at {@code /v3/api-docs}, with the API-key scheme every call needs. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String API_KEY = "apiKey";

    @Bean
    OpenAPI commerceOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("WhatsApp commerce lifecycle API")
                        .version("v1")
                        .description("The shop backend mirrors customers, consents, catalogue, carts and orders"
                                + " here; the service runs the customer journey on WhatsApp and SMS.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(
                                API_KEY,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name(ApiKeyFilter.HEADER)))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY));
    }

    /** Enumerations travel lower-case ({@code whatsapp}); the description must say the same. */
    @Bean
    OpenApiCustomizer lowerCaseEnumsInApiDocs() {
        return openApi -> {
            if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
                openApi.getComponents().getSchemas().values().forEach(OpenApiConfiguration::lowerCaseEnums);
            }
            if (openApi.getPaths() != null) {
                openApi.getPaths().values().stream()
                        .flatMap(path -> path.readOperations().stream())
                        .filter(operation -> operation.getParameters() != null)
                        .flatMap(operation -> operation.getParameters().stream())
                        .forEach(parameter -> lowerCaseEnums(parameter.getSchema()));
            }
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void lowerCaseEnums(Schema schema) {
        if (schema == null) {
            return;
        }
        if (schema.getEnum() != null) {
            schema.setEnum(schema.getEnum().stream()
                    .map(value -> value.toString().toLowerCase(Locale.ROOT))
                    .toList());
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> lowerCaseEnums((Schema) property));
        }
        lowerCaseEnums(schema.getItems());
    }
}
