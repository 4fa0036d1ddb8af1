package io.commerce.campaign;

import java.time.Instant;

/** A campaign's audience was snapshotted: {@code audienceSize} messages are queued. */
public record CampaignLaunched(String campaignId, int audienceSize, Instant at) {}
