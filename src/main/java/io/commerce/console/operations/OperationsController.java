package io.commerce.console.operations;

import io.commerce.analytics.CampaignOutcome;
import io.commerce.campaign.CampaignService;
import io.commerce.customer.CustomerService;
import io.commerce.journey.JourneyService;
import io.commerce.journey.JourneyView;
import io.commerce.loyalty.LoyaltyService;
import io.commerce.shared.PageRequest;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * For operators and marketers: the journeys with their settings and counts, the campaigns, one campaign with its
 * progress and results, and one customer's timeline (journeys, messages both ways, codes).
 */
@Controller
class OperationsController {

    private static final int CAMPAIGNS_PER_PAGE = 50;
    private static final int LEDGER_ENTRIES = 10;

    private final JourneyService journeys;
    private final CampaignService campaigns;
    private final CustomerService customers;
    private final LoyaltyService loyalty;
    private final JsonMapper json;

    OperationsController(
            JourneyService journeys,
            CampaignService campaigns,
            CustomerService customers,
            LoyaltyService loyalty,
            JsonMapper json) {
        this.journeys = journeys;
        this.campaigns = campaigns;
        this.customers = customers;
        this.loyalty = loyalty;
        this.json = json;
    }

    @GetMapping("/console/journeys")
    String journeys(Model model) {
        var all = journeys.journeys();
        model.addAttribute("journeys", all);
        // the settings as the API shows them (GET /api/v1/journeys)
        model.addAttribute(
                "settings",
                all.stream().collect(Collectors.toMap(JourneyView::name, j -> json.writeValueAsString(j.settings()))));
        return "console/journeys";
    }

    @GetMapping("/console/campaigns")
    String campaigns(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("campaigns", campaigns.list(new PageRequest(Math.max(page, 0), CAMPAIGNS_PER_PAGE)));
        return "console/campaigns";
    }

    /** One campaign: its set-up, its messages by status, and once launched what it earned against its control. */
    @GetMapping("/console/campaigns/{campaignId}")
    String campaign(@PathVariable String campaignId, Model model) {
        var campaign = campaigns.get(campaignId);
        model.addAttribute("campaign", campaign);
        model.addAttribute("results", campaign.results() instanceof CampaignOutcome outcome ? outcome : null);
        return "console/campaign";
    }

    /** Cancels a campaign (admins): one not launched yet never will be; a launched one's queued messages stay unsent. */
    @PostMapping("/console/campaigns/{campaignId}/cancel")
    String cancel(@PathVariable String campaignId) {
        campaigns.cancel(campaignId);
        return "redirect:/console/campaigns/" + campaignId + "?cancelled";
    }

    @GetMapping("/console/customers/{customerId}")
    String customer(@PathVariable String customerId, Model model) {
        model.addAttribute("customer", customers.get(customerId));
        model.addAttribute("timeline", journeys.timeline(customerId).entries().reversed());
        model.addAttribute("loyalty", loyalty.standing(customerId));
        model.addAttribute(
                "ledger",
                loyalty.ledger(customerId, new PageRequest(0, LEDGER_ENTRIES)).items());
        return "console/customer";
    }
}
