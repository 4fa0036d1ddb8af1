package io.commerce.conversation.answers;

import java.time.Instant;
import java.util.Map;

/** A canned response as the API shows it: its texts per language, languages in alphabetical order. */
record CannedResponseView(String key, Map<String, String> texts, Instant createdAt, Instant updatedAt) {}
