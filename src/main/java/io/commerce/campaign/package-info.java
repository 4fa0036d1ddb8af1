/**
 * Campaigns: a marketing template sent once to a segment of customers (tags, language, a purchased
 * category, ordered or not within some days) on one channel at a scheduled time. At launch the audience is
 * snapshotted into the messaging outbox in one statement; the dispatcher paces the messages and applies
 * the guardrails. A flash sale gives each customer reached a discount code of their own (promotion) and stops when
 * its product sells out (catalog). Publishes {@link io.commerce.campaign.CampaignLaunched}. Campaigns hold no
 * personal data (the codes are promotion's).
 */
@ApplicationModule(allowedDependencies = {"shared", "messaging", "loyalty", "promotion", "catalog"})
package io.commerce.campaign;

import org.springframework.modulith.ApplicationModule;
