package io.commerce.analytics;

import java.time.YearMonth;
import java.util.List;

/**
 * A retention cohort: the month of its customers' first order, whether messages reached them (a delivery or a
 * read in that month or later), how many they are, and the share of them ordering again in each later month
 * ({@code returning[0]} is the month after, up to the current month).
 */
public record RetentionCohort(YearMonth month, boolean reached, long customers, List<Double> returning) {}
