package io.commerce.journey.journeys;

import io.commerce.catalog.CatalogService;
import io.commerce.journey.engine.Enroller;
import io.commerce.journey.engine.Enrollment;
import io.commerce.journey.engine.Journey;
import io.commerce.journey.engine.JourneyProperties;
import io.commerce.journey.engine.JourneySettings;
import io.commerce.journey.engine.Step;
import io.commerce.messaging.MessagingService;
import io.commerce.messaging.OutboundContent;
import io.commerce.messaging.SendCommand;
import io.commerce.order.OrderDelivered;
import io.commerce.order.OrderService;
import io.commerce.order.OrderStatus;
import io.commerce.shared.LineItem;
import io.commerce.shared.Purpose;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Post-purchase: a delivered product that runs out ({@code replenishAfterDays} in the catalog) gets a reorder
 * reminder (template {@code replenishment}, marketing) a lead time before it is expected to be used up. One
 * enrollment per order and product. A customer who reordered the product before the reminder is not reminded;
 * one who reorders within the conversion window after it counts as a conversion.
 */
@Component
class ReplenishmentJourney implements Journey {

    static final String NAME = "replenishment";

    private static final int REMIND = 0;
    private static final int CONVERSION = 1;

    private final Enroller enroller;
    private final OrderService orders;
    private final CatalogService catalog;
    private final MessagingService messaging;
    private final ReplenishmentProperties properties;
    private final JourneyProperties journeys;
    private final Clock clock;

    ReplenishmentJourney(
            Enroller enroller,
            OrderService orders,
            CatalogService catalog,
            MessagingService messaging,
            ReplenishmentProperties properties,
            JourneyProperties journeys,
            Clock clock) {
        this.enroller = enroller;
        this.orders = orders;
        this.catalog = catalog;
        this.messaging = messaging;
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

    @ApplicationModuleListener
    void on(OrderDelivered delivered) {
        var order = orders.get(delivered.orderId());
        var productIds = new LinkedHashSet<String>();
        order.lines().stream().map(LineItem::productId).forEach(productIds::add);
        for (var productId : productIds) {
            var days = catalog.get(productId).replenishAfterDays();
            if (days == null) {
                continue;
            }
            var due = delivered.deliveredAt().plus(Duration.ofDays(days)).minus(properties.leadTime());
            var delay = Duration.between(clock.instant(), due);
            enroller.enroll(
                    this,
                    delivered.orderId() + "/" + productId,
                    delivered.customerId(),
                    Map.of(
                            "orderId",
                            order.orderId(),
                            "productId",
                            productId,
                            "placedAt",
                            order.placedAt().toString()),
                    delay.isNegative() ? Duration.ZERO : delay);
        }
    }

    @Override
    public Step run(Enrollment enrollment) {
        return switch (enrollment.step()) {
            case REMIND -> remind(enrollment);
            case CONVERSION -> conversion(enrollment);
            default -> throw new IllegalStateException("no step " + enrollment.step() + " in " + NAME);
        };
    }

    private Step remind(Enrollment enrollment) {
        if (orders.get(enrollment.get("orderId")).status() == OrderStatus.CANCELLED) {
            return Step.exit("ORDER_CANCELLED");
        }
        var productId = enrollment.get("productId");
        if (reorderedSince(enrollment, Instant.parse(enrollment.get("placedAt")))) {
            return Step.exit("REORDERED");
        }
        var product = catalog.get(productId);
        if (product.replenishAfterDays() == null) {
            return Step.exit("NOT_REPLENISHABLE");
        }
        var params = Map.of(
                "productName",
                product.title(),
                "productUrl",
                product.url() != null ? product.url() : journeys.shopUrl());
        messaging.send(new SendCommand(
                enrollment.customerId(),
                Purpose.MARKETING,
                null,
                new OutboundContent.Template(NAME, params),
                null,
                enrollment.origin()));
        return Step.next(
                CONVERSION,
                properties.conversionWindow(),
                Map.of("remindedAt", clock.instant().toString()));
    }

    private Step conversion(Enrollment enrollment) {
        return reorderedSince(enrollment, Instant.parse(enrollment.get("remindedAt")))
                ? Step.converted("REORDERED")
                : Step.complete();
    }

    private boolean reorderedSince(Enrollment enrollment, Instant since) {
        return orders.hasOrderedProductSince(enrollment.customerId(), enrollment.get("productId"), since);
    }
}
