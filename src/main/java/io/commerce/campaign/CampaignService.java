package io.commerce.campaign;

import io.commerce.loyalty.LoyaltyService;
import io.commerce.loyalty.TierBand;
import io.commerce.messaging.MessageCategory;
import io.commerce.messaging.MessageCounts;
import io.commerce.messaging.MessagingService;
import io.commerce.shared.InvalidValueException;
import io.commerce.shared.LanguageTag;
import io.commerce.shared.PageRequest;
import io.commerce.shared.Paged;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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

    private static final String FIRST_NAME = "firstName";

    private final Campaigns campaigns;
    private final MessagingService messaging;
    private final LoyaltyService loyalty;
    private final FlashSales flashSales;
    private final ObjectProvider<CampaignMeasurement> measurement;
    private final Clock clock;

    CampaignService(
            Campaigns campaigns,
            MessagingService messaging,
            LoyaltyService loyalty,
            FlashSales flashSales,
            ObjectProvider<CampaignMeasurement> measurement,
            Clock clock) {
        this.campaigns = campaigns;
        this.messaging = messaging;
        this.loyalty = loyalty;
        this.flashSales = flashSales;
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
        var params = request.params() == null ? Map.<String, String>of() : request.params();
        if (params.containsKey(FIRST_NAME)) {
            throw new InvalidValueException("params.firstName", "the first name is each customer's own");
        }
        var category =
                messaging.checkTemplate(request.template(), flashSales.check(request, params), request.channel());
        if (category != MessageCategory.MARKETING) {
            throw new MarketingTemplateRequiredException(
                    request.template(), category.name().toLowerCase());
        }
        var experiment = experiment(request);
        var now = clock.instant();
        var scheduledAt = request.scheduledAt() == null ? now : request.scheduledAt();
        var earlyAccess = Boolean.TRUE.equals(request.earlyAccess());
        var bands = loyalty.tierBands();
        var longestEarlyAccess = bands.stream()
                .map(TierBand::earlyAccess)
                .max(Comparator.naturalOrder())
                .orElse(Duration.ZERO);
        if (request.segment() != null) {
            var known = bands.stream().map(TierBand::tier).toList();
            request.segment().tiers().stream()
                    .filter(tier -> !known.contains(tier))
                    .findFirst()
                    .ifPresent(tier -> {
                        throw new InvalidValueException(
                                "segment.tiers", "no loyalty tier '%s' (tiers: %s)".formatted(tier, known));
                    });
        }
        var campaign = new Campaign(
                UUID.randomUUID(),
                request.name().strip(),
                request.template(),
                params,
                request.channel(),
                normalise(request.segment()),
                CampaignStatus.SCHEDULED,
                scheduledAt,
                null,
                null,
                null,
                null,
                0,
                null,
                now,
                experiment,
                earlyAccess,
                earlyAccess ? scheduledAt.minus(longestEarlyAccess) : scheduledAt,
                request.flashSale(),
                null,
                null);
        campaigns.insert(campaign);
        return view(campaigns.find(campaign.id()).orElseThrow());
    }

    /** The request's control group and variants, each variant's template checked as the campaign's own is. */
    private Experiment experiment(CampaignRequest request) {
        var variants = request.variants() == null ? List.<Variant>of() : request.variants();
        var names = new java.util.HashSet<String>();
        var total = java.math.BigDecimal.ZERO;
        for (var i = 0; i < variants.size(); i++) {
            var variant = variants.get(i);
            if (variant.name().equals(Experiment.BASE)
                    || variant.name().equals(Experiment.REST)
                    || variant.name().equals(Experiment.CONTROL)
                    || !names.add(variant.name())) {
                throw new InvalidValueException(
                        "variants[%d].name".formatted(i),
                        "must be unique and none of 'a' (the campaign's own), 'control' and 'rest'");
            }
            if (variant.params().containsKey(FIRST_NAME)) {
                throw new InvalidValueException(
                        "variants[%d].params.firstName".formatted(i), "the first name is each customer's own");
            }
            var category = messaging.checkTemplate(variant.template(), variant.params(), request.channel());
            if (category != MessageCategory.MARKETING) {
                throw new MarketingTemplateRequiredException(
                        variant.template(), category.name().toLowerCase());
            }
            total = total.add(variant.percent());
        }
        if (total.compareTo(java.math.BigDecimal.valueOf(100)) >= 0) {
            throw new InvalidValueException(
                    "variants", "the variants' percents must leave some of the audience to 'a'");
        }
        if ((request.testPercent() != null || request.winnerAfter() != null) && variants.isEmpty()) {
            throw new InvalidValueException("variants", "a test with a winner needs variants to compare");
        }
        if ((request.testPercent() == null) != (request.winnerAfter() == null)) {
            throw new InvalidValueException(
                    request.testPercent() == null ? "testPercent" : "winnerAfter",
                    "testPercent and winnerAfter go together: the share tested, and when the winner goes to the rest");
        }
        if (request.winnerAfter() != null
                && (request.winnerAfter().compareTo(java.time.Duration.ofMinutes(5)) < 0
                        || request.winnerAfter().compareTo(java.time.Duration.ofDays(7)) > 0)) {
            throw new InvalidValueException("winnerAfter", "must be between 5 minutes and 7 days");
        }
        return new Experiment(request.controlPercent(), variants, request.testPercent(), request.winnerAfter(), null);
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

    /** Tags stripped and once each, the language in its canonical spelling; contradictions refused. */
    private static Segment normalise(Segment segment) {
        if (segment == null) {
            return Segment.everyone();
        }
        var ordered = segment.orderedWithinDays();
        var notOrdered = segment.notOrderedWithinDays();
        if (ordered != null && notOrdered != null && ordered <= notOrdered) {
            throw new InvalidValueException(
                    "segment.notOrderedWithinDays",
                    "no customer ordered within %d days without ordering within %d days"
                            .formatted(ordered, notOrdered));
        }
        return new Segment(
                List.copyOf(new LinkedHashSet<>(
                        segment.tags().stream().map(String::strip).toList())),
                segment.language() == null
                        ? null
                        : LanguageTag.parse(segment.language()).value(),
                blankToNull(segment.purchasedCategory()),
                ordered,
                notOrdered,
                List.copyOf(new LinkedHashSet<>(segment.tiers())));
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

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new CampaignNotFoundException(id);
        }
    }
}
