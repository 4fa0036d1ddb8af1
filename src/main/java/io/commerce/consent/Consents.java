package io.commerce.consent;

import java.util.List;

/** A customer's consents: the current state per channel and purpose, and every change, oldest first. */
public record Consents(List<ConsentRecord> current, List<ConsentRecord> history) {}
