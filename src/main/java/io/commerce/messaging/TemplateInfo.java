package io.commerce.messaging;

import java.util.List;

/** A template of the catalogue as the API and the console list it: its key, Meta category, languages and parameters. */
public record TemplateInfo(String key, MessageCategory category, List<String> languages, List<String> params) {}
