package io.commerce.journey;

import java.util.Map;

/**
 * A journey as {@code GET /api/v1/journeys} shows it: its stage, whether it is on, its settings (every delay
 * and threshold), its enrollments by status ({@code active}, {@code completed}, {@code converted}, {@code
 * exited}) and why enrollments ended, by reason.
 */
public record JourneyView(
        String name,
        String stage,
        boolean enabled,
        Object settings,
        Map<String, Long> enrollments,
        Map<String, Long> endReasons) {}
