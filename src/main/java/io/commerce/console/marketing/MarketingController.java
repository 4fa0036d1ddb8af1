package io.commerce.console.marketing;

import io.commerce.analytics.AnalyticsService;
import io.commerce.analytics.GroupBy;
import io.commerce.campaign.CampaignService;
import io.commerce.campaign.CampaignView;
import io.commerce.shared.PageRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The marketers' page: what the messages did and earned over a period (7, 30, 90 or 365 days): the totals
 * (revenue, cost, ROCS, orders, CTR, opt-outs), the funnel per campaign and per journey step, retention by
 * monthly cohort (reached by messages or not), and how customers rated deliveries and conversations.
 */
@Controller
class MarketingController {

    static final List<Integer> PERIODS = List.of(7, 30, 90, 365);

    private final AnalyticsService analytics;
    private final CampaignService campaigns;
    private final Clock clock;

    MarketingController(AnalyticsService analytics, CampaignService campaigns, Clock clock) {
        this.analytics = analytics;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    @GetMapping("/console/marketing")
    String marketing(@RequestParam(defaultValue = "30") int days, Model model) {
        var period = PERIODS.contains(days) ? days : 30;
        var to = clock.instant();
        var from = to.minus(Duration.ofDays(period));
        var totals = analytics.performance(from, to, GroupBy.TOTAL);
        model.addAttribute("days", period);
        model.addAttribute("periods", PERIODS);
        model.addAttribute("total", totals.isEmpty() ? null : totals.getFirst());
        model.addAttribute("campaigns", analytics.performance(from, to, GroupBy.CAMPAIGN));
        model.addAttribute("campaignNames", campaignNames());
        model.addAttribute("steps", analytics.performance(from, to, GroupBy.STEP));
        model.addAttribute("channels", analytics.performance(from, to, GroupBy.CHANNEL));
        var cohortsFrom = to.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(183));
        model.addAttribute("cohorts", analytics.retention(cohortsFrom, to));
        model.addAttribute("sentiment", analytics.sentiment(from, to));
        model.addAttribute("active", "marketing");
        return "console/marketing";
    }

    /** The names of the latest campaigns by id (a report row names its campaign by id). */
    private Map<String, String> campaignNames() {
        return campaigns.list(new PageRequest(0, 500)).items().stream()
                .collect(Collectors.toMap(CampaignView::id, CampaignView::name, (a, b) -> a));
    }
}
