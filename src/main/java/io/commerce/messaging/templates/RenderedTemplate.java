package io.commerce.messaging.templates;

import io.commerce.messaging.MessageCategory;
import java.util.Map;

/** A template resolved for one customer: the language chosen and every parameter filled. */
public record RenderedTemplate(
        String key,
        MessageCategory category,
        String language,
        TemplateDefinition.Translation translation,
        Map<String, String> params) {

    /** The SMS text with its placeholders filled, or null when the template has none. */
    public String smsText() {
        var text = translation.sms();
        if (text == null) {
            return null;
        }
        for (var param : params.entrySet()) {
            text = text.replace("{" + param.getKey() + "}", param.getValue());
        }
        return text;
    }
}
