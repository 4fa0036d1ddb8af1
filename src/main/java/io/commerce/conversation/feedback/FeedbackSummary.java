package io.commerce.conversation.feedback;

import java.math.BigDecimal;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Delivery ratings at a glance: how many, their average (two decimals; null without ratings), how many of
 * each rating from 1 to 5, and how many low ratings gave each reason.
 */
public record FeedbackSummary(
        long count, @Nullable BigDecimal average, Map<String, Long> distribution, Map<String, Long> byReason) {}
