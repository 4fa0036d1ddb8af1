package io.commerce.campaign;

import io.commerce.loyalty.LoyaltyService;
import io.commerce.loyalty.TierBand;
import io.commerce.messaging.MessageCategory;
import io.commerce.messaging.MessagingService;
import io.commerce.shared.InvalidValueException;
import io.commerce.shared.LanguageTag;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Turns a campaign request into a campaign to schedule, checking it whole: its templates against the catalogue
 * (marketing ones, every parameter given), the segment (tiers the loyalty programme has, no contradictions), the
 * control group and variants, and a flash sale's terms ({@link FlashSales}).
 */
@Component
class CampaignRequests {

    private static final String FIRST_NAME = "firstName";

    private final MessagingService messaging;
    private final LoyaltyService loyalty;
    private final FlashSales flashSales;

    CampaignRequests(MessagingService messaging, LoyaltyService loyalty, FlashSales flashSales) {
        this.messaging = messaging;
        this.loyalty = loyalty;
        this.flashSales = flashSales;
    }

    /**
     * The campaign the request asks for, scheduled at {@code scheduledAt} or {@code now}.
     *
     * @throws io.commerce.messaging.UnknownTemplateException when the template is not in the catalogue (422)
     * @throws MarketingTemplateRequiredException when it is not a marketing template (422)
     * @throws io.commerce.messaging.TemplateParametersException when a parameter is missing (400)
     */
    Campaign campaign(CampaignRequest request, Instant now) {
        var params = request.params() == null ? Map.<String, String>of() : request.params();
        if (params.containsKey(FIRST_NAME)) {
            throw new InvalidValueException("params.firstName", "the first name is each customer's own");
        }
        flashSales.check(request);
        var category = messaging.checkTemplate(
                request.template(),
                flashSales.paramsToCheck(request.flashSale(), request.template(), params, "params"),
                request.channel());
        if (category != MessageCategory.MARKETING) {
            throw new MarketingTemplateRequiredException(
                    request.template(), category.name().toLowerCase());
        }
        var experiment = experiment(request);
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
        return campaign;
    }

    /** The request's control group and variants, each variant's template checked as the campaign's own is. */
    private Experiment experiment(CampaignRequest request) {
        var variants = request.variants() == null ? List.<Variant>of() : request.variants();
        var names = new HashSet<String>();
        var total = BigDecimal.ZERO;
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
            var category = messaging.checkTemplate(
                    variant.template(),
                    flashSales.paramsToCheck(
                            request.flashSale(),
                            variant.template(),
                            variant.params(),
                            "variants[%d].params".formatted(i)),
                    request.channel());
            if (category != MessageCategory.MARKETING) {
                throw new MarketingTemplateRequiredException(
                        variant.template(), category.name().toLowerCase());
            }
            total = total.add(variant.percent());
        }
        if (total.compareTo(BigDecimal.valueOf(100)) >= 0) {
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
                && (request.winnerAfter().compareTo(Duration.ofMinutes(5)) < 0
                        || request.winnerAfter().compareTo(Duration.ofDays(7)) > 0)) {
            throw new InvalidValueException("winnerAfter", "must be between 5 minutes and 7 days");
        }
        return new Experiment(request.controlPercent(), variants, request.testPercent(), request.winnerAfter(), null);
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

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
