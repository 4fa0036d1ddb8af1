package io.commerce.messaging.templates;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The template catalogue as configuration data ({@code commerce.messaging.templates.*}, see templates.yml). */
@ConfigurationProperties("commerce.messaging")
record TemplateCatalogueProperties(Map<String, TemplateDefinition> templates) {

    TemplateCatalogueProperties {
        templates = templates == null ? Map.of() : Map.copyOf(templates);
    }
}
