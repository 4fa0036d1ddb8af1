package io.commerce.console.operations;

import io.commerce.campaign.CampaignService;
import io.commerce.customer.CustomerService;
import io.commerce.journey.JourneyService;
import io.commerce.shared.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * For operators and marketers: the journeys with their settings and counts, the campaigns with their progress,
 * and one customer's timeline (journeys, messages both ways, codes).
 */
@Controller
class OperationsController {

    private static final int CAMPAIGNS_PER_PAGE = 50;

    private final JourneyService journeys;
    private final CampaignService campaigns;
    private final CustomerService customers;

    OperationsController(JourneyService journeys, CampaignService campaigns, CustomerService customers) {
        this.journeys = journeys;
        this.campaigns = campaigns;
        this.customers = customers;
    }

    @GetMapping("/console/journeys")
    String journeys(Model model) {
        model.addAttribute("journeys", journeys.journeys());
        return "console/journeys";
    }

    @GetMapping("/console/campaigns")
    String campaigns(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("campaigns", campaigns.list(new PageRequest(Math.max(page, 0), CAMPAIGNS_PER_PAGE)));
        return "console/campaigns";
    }

    @GetMapping("/console/customers/{customerId}")
    String customer(@PathVariable String customerId, Model model) {
        model.addAttribute("customer", customers.get(customerId));
        model.addAttribute("timeline", journeys.timeline(customerId).entries().reversed());
        return "console/customer";
    }
}
