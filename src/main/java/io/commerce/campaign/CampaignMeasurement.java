package io.commerce.campaign;

/**
 * What a launched campaign's messages did and earned: implemented downstream (by {@code analytics}), so that
 * {@code GET /campaigns/{id}} shows it without this module depending on measurement.
 */
public interface CampaignMeasurement {

    /** The campaign's results, ready to be written as JSON. */
    Object results(String campaignId, java.time.Instant launchedAt);

    /**
     * The variant that did best since the launch: the highest share of its customers ordering, then of unique
     * clickers among those delivered; {@code a} when none did anything yet.
     */
    String bestVariant(String campaignId, java.time.Instant launchedAt);
}
