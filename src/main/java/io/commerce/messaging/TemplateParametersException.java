package io.commerce.messaging;

import io.commerce.shared.InvalidValueException;
import java.util.List;

/** A template was asked for without parameters it needs. */
public class TemplateParametersException extends InvalidValueException {
    public TemplateParametersException(String key, List<String> missing) {
        super(
                "template.params",
                "TEMPLATE_PARAMS_MISSING",
                "template '%s' needs the parameters %s".formatted(key, String.join(", ", missing)));
    }
}
