package io.commerce.messaging.templates;

import io.commerce.messaging.MessageCategory;
import java.util.List;
import java.util.Map;

/**
 * One template of the catalogue: its Meta category, the parameters it takes, and per language the
 * WhatsApp template to send and the SMS text (placeholders {@code {param}}).
 */
public record TemplateDefinition(MessageCategory category, List<String> params, Map<String, Translation> languages) {

    public TemplateDefinition {
        params = params == null ? List.of() : List.copyOf(params);
        languages = languages == null ? Map.of() : Map.copyOf(languages);
    }

    /** A language's WhatsApp template and SMS text. */
    public record Translation(WhatsAppTemplate whatsapp, String sms) {}

    /**
     * The approved Meta template: its name, language code, whether parameters are {@code positional}
     * (default) or {@code named}, the body parameters in order, an optional header image parameter and the
     * button parameters.
     */
    public record WhatsAppTemplate(
            String name,
            String language,
            String parameterFormat,
            String headerImage,
            List<String> body,
            List<ButtonParameter> buttons) {

        public WhatsAppTemplate {
            body = body == null ? List.of() : List.copyOf(body);
            buttons = buttons == null ? List.of() : List.copyOf(buttons);
        }

        public boolean named() {
            return "named".equalsIgnoreCase(parameterFormat);
        }
    }

    /**
     * A button's parameter: {@code quick_reply} with a fixed {@code payload} (or one from {@code param}),
     * {@code url} with the URL suffix from {@code param}, {@code copy_code} with the coupon from {@code param}.
     */
    public record ButtonParameter(int index, String subType, String param, String payload) {}
}
