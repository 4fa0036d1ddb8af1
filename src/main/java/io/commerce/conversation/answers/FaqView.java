package io.commerce.conversation.answers;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An FAQ entry as the API shows it: questions and answers per language, languages in alphabetical order. */
record FaqView(
        String faqId,
        Map<String, List<String>> questions,
        Map<String, String> answers,
        Instant createdAt,
        Instant updatedAt) {}
