package io.commerce.campaign;

import io.commerce.shared.CommerceException;

/** No campaign with this id. */
public class CampaignNotFoundException extends CommerceException {
    CampaignNotFoundException(String campaignId) {
        super(Kind.NOT_FOUND, "CAMPAIGN_NOT_FOUND", "campaign '%s' does not exist".formatted(campaignId));
    }
}
