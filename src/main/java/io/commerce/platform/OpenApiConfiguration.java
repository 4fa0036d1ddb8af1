package io.commerce.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3.1 description served at {@code /v3/api-docs} and committed as {@code docs/openapi.json}:
 * springdoc reads the controllers and records, {@link SchemaConventions} and {@link ErrorResponses} add what
 * the wire format and the filters do to every operation (see ADR 0013).
 */
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
                                + " here; the service runs the customer journey on WhatsApp and SMS. Every error is"
                                + " application/problem+json with a stable code. Lists take ?page=0&size=50"
                                + " (size at most 500).")
                        .license(new License().name("Apache-2.0").identifier("Apache-2.0")))
                .servers(List.of(new Server().url("/").description("this service")))
                .components(new Components()
                        .addSecuritySchemes(
                                API_KEY,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name(ApiKeyAuthentication.HEADER)))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY));
    }

    /** Operations are grouped by the module that answers them ({@code customer}, {@code order}, …). */
    @Bean
    OperationCustomizer tagOperationsByModule() {
        return (operation, handler) -> {
            var module = handler.getBeanType().getPackageName().replaceFirst("^io\\.commerce\\.", "");
            return operation.tags(List.of(module.split("\\.")[0])); // a sub-package's operations are its module's
        };
    }

    @Bean
    OpenApiCustomizer wireFormatAndErrors() {
        return openApi -> {
            SchemaConventions.apply(openApi);
            ErrorResponses.apply(openApi);
            openApi.getPaths().entrySet().stream()
                    .filter(path -> path.getKey().startsWith("/webhooks/"))
                    .flatMap(path -> path.getValue().readOperations().stream())
                    .forEach(operation -> operation.setTags(List.of("webhooks")));
        };
    }
}
