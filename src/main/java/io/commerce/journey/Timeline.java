package io.commerce.journey;

import java.util.List;

/** A customer's history with the shop, oldest first: journeys, messages both ways, discount codes. */
public record Timeline(String customerId, List<TimelineEntry> entries) {}
