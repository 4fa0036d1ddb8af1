package io.commerce.conversation.answers;

/**
 * The answer of the FAQ entry a message matched, in the language it is written in: the customer's when the
 * entry has it, else English, else the first language the entry has (alphabetically).
 */
public record FaqAnswer(String faqId, String language, String text) {}
