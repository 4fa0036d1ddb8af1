package io.commerce.messaging.templates;

import io.commerce.messaging.MessageCategory;
import io.commerce.messaging.MessagingProperties;
import io.commerce.messaging.TemplateInfo;
import io.commerce.messaging.TemplateParametersException;
import io.commerce.messaging.UnknownTemplateException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Looks templates up by key and renders them for a customer: the customer's language when the template
 * has it (exact tag, then its primary language), else the default language; {@code firstName} filled from
 * the customer when the caller does not give it.
 */
@Component
public class TemplateCatalogue {

    /** The parameter filled with the customer's first name. */
    public static final String FIRST_NAME = "firstName";
    /** Stands in for the first name of a customer who has none. */
    public static final String NAMELESS_GREETING = "👋";

    /**
     * A template rendered in every language it has, with the same parameters, and the language given to
     * customers whose language it lacks (for messages written in bulk, one rendering per language).
     */
    public record Renditions(List<RenderedTemplate> languages, String fallbackLanguage) {}

    private final Map<String, TemplateDefinition> templates;
    private final String defaultLanguage;

    TemplateCatalogue(TemplateCatalogueProperties properties, MessagingProperties messaging) {
        this.templates = properties.templates();
        this.defaultLanguage = messaging.defaultLanguage();
    }

    /** Every template, by key, with its category, languages and parameters. */
    /** The category of the Meta template with this name, as the catalogue has it (what Meta charges it as). */
    public Optional<MessageCategory> categoryOfWhatsAppTemplate(String name) {
        return templates.values().stream()
                .filter(definition -> definition.languages().values().stream()
                        .anyMatch(translation -> translation.whatsapp() != null
                                && name.equals(translation.whatsapp().name())))
                .map(TemplateDefinition::category)
                .findFirst();
    }

    public List<TemplateInfo> list() {
        return templates.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> new TemplateInfo(
                        entry.getKey(),
                        entry.getValue().category(),
                        entry.getValue().languages().keySet().stream()
                                .sorted(Comparator.naturalOrder())
                                .toList(),
                        entry.getValue().params()))
                .toList();
    }

    /** The parameters the template declares; none for a template not in the catalogue. */
    public List<String> paramsOf(String key) {
        return find(key).map(TemplateDefinition::params).orElse(List.of());
    }

    Optional<TemplateDefinition> find(String key) {
        return Optional.ofNullable(templates.get(key));
    }

    /**
     * @throws UnknownTemplateException when the key is not in the catalogue
     * @throws TemplateParametersException when a parameter the template needs is missing
     */
    public RenderedTemplate render(String key, String customerLanguage, String firstName, Map<String, String> given) {
        var definition = find(key).orElseThrow(() -> new UnknownTemplateException(key));
        var language = chooseLanguage(definition, customerLanguage);
        var params = new LinkedHashMap<String, String>();
        if (given != null) {
            params.putAll(given);
        }
        if (definition.params().contains(FIRST_NAME)) {
            params.putIfAbsent(FIRST_NAME, firstName == null || firstName.isBlank() ? NAMELESS_GREETING : firstName);
        }
        var missing = definition.params().stream()
                .filter(name -> params.get(name) == null || params.get(name).isBlank())
                .toList();
        if (!missing.isEmpty()) {
            throw new TemplateParametersException(key, missing);
        }
        return new RenderedTemplate(
                key, definition.category(), language, definition.languages().get(language), Map.copyOf(params));
    }

    /**
     * Renders the template once per language, as {@link #render} would for a customer of that language.
     *
     * @throws UnknownTemplateException when the key is not in the catalogue
     * @throws TemplateParametersException when a parameter the template needs is missing
     */
    public Renditions renderEveryLanguage(String key, String firstName, Map<String, String> given) {
        var definition = find(key).orElseThrow(() -> new UnknownTemplateException(key));
        var rendered = definition.languages().keySet().stream()
                .sorted()
                .map(language -> render(key, language, firstName, given))
                .toList();
        return new Renditions(rendered, chooseLanguage(definition, null));
    }

    private String chooseLanguage(TemplateDefinition definition, String customerLanguage) {
        var available = definition.languages();
        if (customerLanguage != null) {
            if (available.containsKey(customerLanguage)) {
                return customerLanguage;
            }
            var primary = Locale.forLanguageTag(customerLanguage).getLanguage();
            if (available.containsKey(primary)) {
                return primary;
            }
        }
        if (available.containsKey(defaultLanguage)) {
            return defaultLanguage;
        }
        return available.keySet().stream().sorted().findFirst().orElseThrow();
    }
}
