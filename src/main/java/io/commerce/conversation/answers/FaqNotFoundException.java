package io.commerce.conversation.answers;

import io.commerce.shared.CommerceException;

/** No FAQ entry with this id. */
public class FaqNotFoundException extends CommerceException {

    FaqNotFoundException(String faqId) {
        super(Kind.NOT_FOUND, "FAQ_NOT_FOUND", "FAQ entry '%s' does not exist".formatted(faqId));
    }
}
