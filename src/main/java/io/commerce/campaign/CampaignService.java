package io.commerce.campaign;

import io.commerce.messaging.MessageCounts;
import io.commerce.messaging.MessagingService;
import io.commerce.shared.PageRequest;
import io.commerce.shared.Paged;
import java.time.Clock;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The campaign module's public face: schedule a campaign (its template checked against the catalogue),
 * follow its progress, cancel it. Launching is {@link CampaignLauncher}'s.
 */
@Service
public class CampaignService {

    private final Campaigns campaigns;
    private final MessagingService messaging;
    private final CampaignRequests requests;
    private final ObjectProvider<CampaignMeasurement> measurement;
    private final Clock clock;

    CampaignService(
            Campaigns campaigns,
            MessagingService messaging,
            CampaignRequests requests,
            ObjectProvider<CampaignMeasurement> measurement,
            Clock clock) {
        this.campaigns = campaigns;
        this.messaging = messaging;
        this.requests = requests;
        this.measurement = measurement;
        this.clock = clock;
    }

    /**
     * Schedules a campaign, to launch at {@code scheduledAt} (or at once).
     *
     * @throws io.commerce.messaging.UnknownTemplateException when the template is not in the catalogue (422)
     * @throws MarketingTemplateRequiredException when it is not a marketing template (422)
     * @throws io.commerce.messaging.TemplateParametersException when a parameter is missing (400)
     */
    @Transactional
    public CampaignView create(CampaignRequest request) {
        var campaign = requests.campaign(request, clock.instant());
        campaigns.insert(campaign);
        return view(campaigns.find(campaign.id()).orElseThrow());
    }

    @Transactional(readOnly = true)
    public CampaignView get(String campaignId) {
        var campaign = campaigns.find(parse(campaignId)).orElseThrow(() -> new CampaignNotFoundException(campaignId));
        var measurement = this.measurement.getIfAvailable();
        var results = measurement == null || campaign.launchedAt() == null
                ? null
                : measurement.results(campaign.id().toString(), campaign.launchedAt());
        return view(campaign, messaging.countByOrigin(campaign.origin()), results);
    }

    /** Campaigns, newest first, without their message counts (ask for one campaign for those). */
    @Transactional(readOnly = true)
    public Paged<CampaignView> list(PageRequest page) {
        var items = campaigns.list(page.offset(), page.size()).stream()
                .map(campaign -> view(campaign, null, null))
                .toList();
        return new Paged<>(items, page.page(), page.size(), campaigns.count());
    }

    /**
     * Cancels a campaign: one not launched yet never will be (a launch under way is rolled back); of a
     * launched one, the messages still queued are cancelled, those already sent stay sent.
     *
     * @throws CampaignNotCancellableException when it was cancelled already, or failed (409)
     */
    @Transactional
    public CampaignView cancel(String campaignId) {
        var campaign = campaigns.lock(parse(campaignId)).orElseThrow(() -> new CampaignNotFoundException(campaignId));
        if (campaign.status() == CampaignStatus.CANCELLED || campaign.status() == CampaignStatus.FAILED) {
            throw new CampaignNotCancellableException(campaignId, campaign.status());
        }
        campaigns.markCancelled(campaign.id(), clock.instant());
        if (campaign.status() == CampaignStatus.LAUNCHED) {
            messaging.cancelQueued(campaign.origin(), "CAMPAIGN_CANCELLED");
        }
        return view(campaigns.find(campaign.id()).orElseThrow());
    }

    private CampaignView view(Campaign campaign) {
        return view(campaign, messaging.countByOrigin(campaign.origin()), null);
    }

    private static CampaignView view(Campaign campaign, MessageCounts messages, Object results) {
        return new CampaignView(
                campaign.id().toString(),
                campaign.name(),
                campaign.template(),
                campaign.params(),
                campaign.channel(),
                campaign.segment(),
                campaign.status(),
                campaign.scheduledAt(),
                campaign.launchedAt(),
                campaign.cancelledAt(),
                campaign.failureReason(),
                campaign.launchAttempts(),
                campaign.audienceSize(),
                messages,
                campaign.createdAt(),
                campaign.experiment().controlPercent(),
                campaign.experiment().variants(),
                campaign.earlyAccess(),
                campaign.launchAt(),
                FlashSales.view(campaign),
                results);
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new CampaignNotFoundException(id);
        }
    }
}
