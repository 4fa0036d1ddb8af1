package io.commerce.campaign;

import io.commerce.shared.PageRequest;
import io.commerce.shared.Paged;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CampaignController {

    private final CampaignService campaigns;

    CampaignController(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @PostMapping("/api/v1/campaigns")
    @ResponseStatus(HttpStatus.CREATED)
    CampaignView createCampaign(@Valid @RequestBody CampaignRequest request) {
        return campaigns.create(request);
    }

    @GetMapping("/api/v1/campaigns/{campaignId}")
    CampaignView getCampaign(@PathVariable @Size(max = 64) String campaignId) {
        return campaigns.get(campaignId);
    }

    @GetMapping("/api/v1/campaigns")
    Paged<CampaignView> listCampaigns(@Valid PageRequest page) {
        return campaigns.list(page);
    }

    @PostMapping("/api/v1/campaigns/{campaignId}/cancellation")
    CampaignView cancelCampaign(@PathVariable @Size(max = 64) String campaignId) {
        return campaigns.cancel(campaignId);
    }
}
