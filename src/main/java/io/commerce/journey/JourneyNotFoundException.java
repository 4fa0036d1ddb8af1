package io.commerce.journey;

import io.commerce.shared.CommerceException;

/** No journey by this name. */
public class JourneyNotFoundException extends CommerceException {
    public JourneyNotFoundException(String name) {
        super(Kind.NOT_FOUND, "JOURNEY_NOT_FOUND", "there is no journey named '%s'".formatted(name));
    }
}
