package io.commerce.journey.engine;

/**
 * A journey's configuration ({@code commerce.journey.<name>.*}): whether it is on, and its delays and
 * thresholds, shown as they are by {@code GET /api/v1/journeys}.
 */
public interface JourneySettings {

    boolean enabled();
}
