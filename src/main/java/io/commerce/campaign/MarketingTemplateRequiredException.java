package io.commerce.campaign;

import io.commerce.shared.CommerceException;

/** Campaigns are marketing: a utility template (an order update) cannot be sent to a segment. */
public class MarketingTemplateRequiredException extends CommerceException {
    MarketingTemplateRequiredException(String template, String category) {
        super(
                Kind.UNPROCESSABLE,
                "MARKETING_TEMPLATE_REQUIRED",
                "template '%s' is a %s template; a campaign needs a marketing one".formatted(template, category));
    }
}
