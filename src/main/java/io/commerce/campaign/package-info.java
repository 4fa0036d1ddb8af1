/**
 * Campaigns: a marketing template sent once to a segment of customers (tags, language, a purchased
 * category, ordered or not within some days) on one channel at a scheduled time. At launch the audience is
 * snapshotted into the messaging outbox in one statement; the dispatcher paces the messages and applies
 * the guardrails. Publishes {@link io.commerce.campaign.CampaignLaunched}. Campaigns hold no personal data.
 */
@ApplicationModule(allowedDependencies = {"shared", "messaging", "loyalty"})
package io.commerce.campaign;

import org.springframework.modulith.ApplicationModule;
