package io.commerce.campaign;

import io.commerce.catalog.CatalogService;
import io.commerce.catalog.ProductSoldOut;
import io.commerce.catalog.ProductSummary;
import io.commerce.messaging.MessagingService;
import io.commerce.promotion.CodeBatch;
import io.commerce.promotion.DiscountKind;
import io.commerce.promotion.PromotionService;
import io.commerce.shared.Audience;
import io.commerce.shared.InvalidValueException;
import io.commerce.shared.UnknownReferenceException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Flash sales ({@link FlashSale}): checked when their campaign is created, given each customer's code as it
 * launches, and stopped, their queued messages cancelled, as soon as the product sells out ({@link ProductSoldOut})
 * or the sale's time is up (the poll, which also catches a sell-out that raced a launch).
 */
@Component
class FlashSales {

    private static final Logger log = LoggerFactory.getLogger(FlashSales.class);
    static final String SOLD_OUT = "SOLD_OUT";
    static final String ENDED = "ENDED";
    private static final Duration SHORTEST = Duration.ofMinutes(5);
    private static final Duration LONGEST = Duration.ofDays(7);

    private final Campaigns campaigns;
    private final CatalogService catalog;
    private final PromotionService promotion;
    private final MessagingService messaging;
    private final TransactionTemplate transaction;
    private final CampaignProperties properties;
    private final Clock clock;

    FlashSales(
            Campaigns campaigns,
            CatalogService catalog,
            PromotionService promotion,
            MessagingService messaging,
            TransactionTemplate transaction,
            CampaignProperties properties,
            Clock clock) {
        this.campaigns = campaigns;
        this.catalog = catalog;
        this.promotion = promotion;
        this.messaging = messaging;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    /** Checks a campaign's flash sale, if it has one: its terms (400s) and its product (422 when unknown). */
    void check(CampaignRequest request) {
        var sale = request.flashSale();
        if (sale == null) {
            return;
        }
        if (sale.validFor().compareTo(SHORTEST) < 0 || sale.validFor().compareTo(LONGEST) > 0) {
            throw new InvalidValueException("flashSale.validFor", "must be between 5 minutes and 7 days");
        }
        if (sale.kind() == DiscountKind.AMOUNT && sale.currency() == null) {
            throw new InvalidValueException("flashSale.currency", "an amount off needs a currency");
        }
        if (sale.kind() == DiscountKind.PERCENT && sale.value().compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new InvalidValueException("flashSale.value", "a percentage off is at most 100");
        }
        if (request.winnerAfter() != null) {
            throw new InvalidValueException("winnerAfter", "a flash sale ends before a winner could go to the rest");
        }
        if (!catalog.summaries(List.of(sale.productId())).containsKey(sale.productId())) {
            throw new UnknownReferenceException(
                    "UNKNOWN_PRODUCT", "no product '%s' in the catalog".formatted(sale.productId()));
        }
    }

    /**
     * The parameters a campaign's template (or a variant's, at {@code field}) is to be checked with: those given,
     * and for a flash sale a stand-in for each it fills per customer. A flash sale's template must declare {@code
     * discountCode}, and the parameters it fills may not be given (400).
     */
    Map<String, String> paramsToCheck(
            @Nullable FlashSale sale, String templateKey, Map<String, String> params, String field) {
        var template = messaging.templates().stream()
                .filter(known -> known.key().equals(templateKey))
                .findFirst();
        if (sale == null || template.isEmpty()) {
            return params; // an unknown template: the template check answers that
        }
        var declared = template.get().params();
        if (!declared.contains(FlashSale.CODE)) {
            throw new InvalidValueException(
                    field.replace("params", "template"),
                    "a flash sale's template needs a discountCode parameter (each customer's code)");
        }
        var filled = new HashMap<>(params);
        for (var param : List.of(FlashSale.CODE, FlashSale.ENDS_AT)) {
            if (params.containsKey(param)) {
                throw new InvalidValueException(field + "." + param, "in a flash sale, each customer's own");
            }
            if (declared.contains(param)) {
                filled.put(param, "FLASH");
            }
        }
        return filled;
    }

    /** Refuses to launch a sale whose product sold out or whose time is up (the campaign fails with the reason). */
    void requireOpen(Campaign campaign, Instant now) {
        if (campaign.flashSale() == null) {
            return;
        }
        var productId = campaign.flashSale().productId();
        var reason = closed(campaign, catalog.summaries(List.of(productId)), now);
        if (reason != null) {
            throw new FlashSaleClosedException(
                    reason, "the flash sale of product '%s' is over: %s".formatted(productId, reason));
        }
    }

    /**
     * A part of the campaign's audience with, for a flash sale, each customer's code (issued now, valid until the
     * sale ends; none for a control group, which is never sent) and the sale's end in their time zone.
     */
    Audience personalise(Campaign campaign, Audience audience, boolean heldOut) {
        var sale = campaign.flashSale();
        if (sale == null) {
            return audience;
        }
        var endsAt = campaign.saleEndsAt();
        var coded = heldOut
                ? audience.withValue(FlashSale.CODE, "''", Map.of())
                : promotion.issueToEach(
                        audience,
                        new CodeBatch(
                                "flash-sale:" + campaign.id(),
                                sale.kind(),
                                sale.value(),
                                sale.currency(),
                                sale.minimumSpend(),
                                endsAt),
                        FlashSale.CODE);
        return coded.withValue(
                FlashSale.ENDS_AT,
                "to_char(cast(:saleEndsAt as timestamptz) at time zone coalesce(c.timezone, 'UTC'), 'HH24:MI')",
                Map.of("saleEndsAt", Timestamp.from(endsAt)));
    }

    @ApplicationModuleListener
    void on(ProductSoldOut soldOut) {
        stopWhereDue();
    }

    @Scheduled(fixedDelayString = "${commerce.campaign.poll-interval:PT5S}")
    void poll() {
        if (properties.launcherEnabled()) {
            stopWhereDue();
        }
    }

    /** Stops the launched flash sales whose product sold out or whose time is up; returns how many it stopped. */
    int stopWhereDue() {
        return transaction.execute(status -> {
            var live = campaigns.lockLiveFlashSales();
            if (live.isEmpty()) {
                return 0;
            }
            var now = clock.instant();
            var stock = catalog.summaries(live.stream()
                    .map(campaign -> campaign.flashSale().productId())
                    .toList());
            var stopped = 0;
            for (var campaign : live) {
                var reason = closed(campaign, stock, now);
                if (reason != null) {
                    var cancelled = messaging.cancelQueued(campaign.origin(), "FLASH_SALE_" + reason);
                    campaigns.markStopped(campaign.id(), reason, now);
                    log.info(
                            "flash sale {} stopped ({}): {} queued messages cancelled",
                            campaign.id(),
                            reason,
                            cancelled);
                    stopped++;
                }
            }
            return stopped;
        });
    }

    /** Why the campaign's sale is over at {@code now} ({@link #ENDED}, {@link #SOLD_OUT}); null while it is open. */
    private static @Nullable String closed(Campaign campaign, Map<String, ProductSummary> stock, Instant now) {
        if (!campaign.saleEndsAt().isAfter(now)) {
            return ENDED;
        }
        var product = stock.get(campaign.flashSale().productId());
        return product != null && product.inStock() ? null : SOLD_OUT;
    }

    /** The sale as the campaign's view shows it. */
    static FlashSaleView view(Campaign campaign) {
        var sale = campaign.flashSale();
        return sale == null
                ? null
                : new FlashSaleView(
                        sale.productId(),
                        sale.kind(),
                        sale.value(),
                        sale.currency(),
                        sale.minimumSpend(),
                        sale.validFor(),
                        campaign.saleEndsAt(),
                        campaign.stoppedAt(),
                        campaign.stopReason());
    }
}
