package io.commerce.campaign;

import io.commerce.shared.CommerceException;

/** The campaign was cancelled already (or failed), so there is nothing left to cancel. */
public class CampaignNotCancellableException extends CommerceException {
    CampaignNotCancellableException(String campaignId, CampaignStatus status) {
        super(
                Kind.CONFLICT,
                "CAMPAIGN_" + status.name(),
                "campaign '%s' is %s".formatted(campaignId, status.name().toLowerCase()));
    }
}
