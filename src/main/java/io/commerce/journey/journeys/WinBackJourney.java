package io.commerce.journey.journeys;

import io.commerce.customer.CustomerService;
import io.commerce.journey.engine.Enroller;
import io.commerce.journey.engine.Enrollment;
import io.commerce.journey.engine.Journey;
import io.commerce.journey.engine.JourneyProperties;
import io.commerce.journey.engine.JourneySettings;
import io.commerce.journey.engine.Step;
import io.commerce.messaging.MessagingService;
import io.commerce.messaging.OutboundContent;
import io.commerce.messaging.SendCommand;
import io.commerce.order.LastOrder;
import io.commerce.order.OrderService;
import io.commerce.promotion.DiscountCodeView;
import io.commerce.promotion.PromotionService;
import io.commerce.shared.Channel;
import io.commerce.shared.Purpose;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Post-purchase: a customer whose last order is older than {@code inactiveAfter} gets an SMS (template {@code
 * win_back}, marketing) with a unique discount code. Lapses are found by a scheduled scan, page by page in
 * set-based statements, and enroll once per customer and last order (a customer who orders and lapses again
 * is won back again). A newer order before the send ends it; an order or the code's redemption while the
 * code is valid is its conversion.
 */
@Component
class WinBackJourney implements Journey {

    static final String NAME = "win_back";

    private static final int SEND_CODE = 0;
    private static final int CONVERSION = 1;

    private final Enroller enroller;
    private final OrderService orders;
    private final CustomerService customers;
    private final PromotionService promotions;
    private final MessagingService messaging;
    private final TransactionTemplate transaction;
    private final WinBackProperties properties;
    private final JourneyProperties journeys;
    private final Clock clock;

    WinBackJourney(
            Enroller enroller,
            OrderService orders,
            CustomerService customers,
            PromotionService promotions,
            MessagingService messaging,
            TransactionTemplate transaction,
            WinBackProperties properties,
            JourneyProperties journeys,
            Clock clock) {
        this.enroller = enroller;
        this.orders = orders;
        this.customers = customers;
        this.promotions = promotions;
        this.messaging = messaging;
        this.transaction = transaction;
        this.properties = properties;
        this.journeys = journeys;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String stage() {
        return "post-purchase";
    }

    @Override
    public JourneySettings settings() {
        return properties;
    }

    @Scheduled(fixedDelayString = "${commerce.journey.win-back.scan-interval:PT1H}")
    void scheduledScan() {
        if (properties.scanEnabled()) {
            scan();
        }
    }

    /**
     * Enrolls the customers whose last order lapsed within the scan window, one page (one statement each way,
     * one transaction) at a time. Several instances may scan at once: a lapse enrolls once.
     *
     * @return how many new enrollments were made
     */
    int scan() {
        if (!enabled()) {
            return 0;
        }
        var lapsedBefore = clock.instant().minus(properties.inactiveAfter());
        var notBefore = lapsedBefore.minus(properties.scanWindow());
        var entered = 0;
        LastOrder after = null;
        while (true) {
            var from = after;
            var page = transaction.execute(status -> {
                var lapsed = orders.lastOrdersPlacedBetween(notBefore, lapsedBefore, from, properties.scanBatchSize());
                var count = enroller.enrollAll(this, candidates(lapsed), Duration.ZERO);
                return new Page(lapsed, count);
            });
            entered += page.entered();
            if (page.lapsed().size() < properties.scanBatchSize()) {
                return entered;
            }
            after = page.lapsed().getLast();
        }
    }

    private record Page(List<LastOrder> lapsed, int entered) {}

    private static List<Enroller.Candidate> candidates(List<LastOrder> lapsed) {
        return lapsed.stream()
                .map(last -> new Enroller.Candidate(
                        last.customerId() + "/" + last.orderId(),
                        last.customerId(),
                        Map.of(
                                "lastOrderId",
                                last.orderId(),
                                "lastOrderAt",
                                last.placedAt().toString())))
                .toList();
    }

    @Override
    public Step run(Enrollment enrollment) {
        return switch (enrollment.step()) {
            case SEND_CODE -> sendCode(enrollment);
            case CONVERSION -> conversion(enrollment);
            default -> throw new IllegalStateException("no step " + enrollment.step() + " in " + NAME);
        };
    }

    private Step sendCode(Enrollment enrollment) {
        var customerId = enrollment.customerId();
        if (orders.hasOrderedSince(customerId, Instant.parse(enrollment.get("lastOrderAt")))) {
            return Step.exit("ORDERED_AGAIN");
        }
        var customer = customers.get(customerId);
        var code = promotions.issue(properties.discount().issue(customerId, NAME, properties.codeValidFor()));
        var params = Map.of(
                "discountCode", code.code(),
                "validUntil", lastWholeDay(code, customer.timezone(), customer.language()),
                "shopUrl", journeys.shopUrl());
        messaging.send(new SendCommand(
                customerId,
                Purpose.MARKETING,
                Channel.SMS,
                new OutboundContent.Template(NAME, params),
                null,
                enrollment.origin()));
        return Step.next(
                CONVERSION,
                properties.codeValidFor(),
                Map.of("discountCode", code.code(), "sentAt", clock.instant().toString()));
    }

    private Step conversion(Enrollment enrollment) {
        if (promotions.get(enrollment.get("discountCode")).redeemedAt() != null) {
            return Step.converted("CODE_REDEEMED");
        }
        if (orders.hasOrderedSince(enrollment.customerId(), Instant.parse(enrollment.get("sentAt")))) {
            return Step.converted("ORDERED");
        }
        return Step.complete();
    }

    /**
     * The last day the code is valid all day long in the customer's time zone (the day before the one it
     * expires on), written as the customer's language writes dates.
     */
    static String lastWholeDay(DiscountCodeView code, String timezone, String language) {
        var day = code.expiresAt().atZone(ZoneId.of(timezone)).toLocalDate().minusDays(1);
        return day.format(
                DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag(language)));
    }
}
