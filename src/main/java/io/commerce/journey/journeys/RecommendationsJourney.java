package io.commerce.journey.journeys;

import io.commerce.journey.engine.Enroller;
import io.commerce.journey.engine.Enrollment;
import io.commerce.journey.engine.Journey;
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
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Post-purchase: a few days after delivery the customer hears of products that others bought together with
 * this order and that the customer has not ordered yet (template {@code recommendation}, marketing). When
 * there are none the journey ends without a message ({@code NO_RECOMMENDATIONS}). No conversion is
 * attributed: a later order cannot be told apart from one the customer would have placed anyway.
 */
@Component
class RecommendationsJourney implements Journey {

    static final String NAME = "recommendations";
    static final String TEMPLATE = "recommendation";

    private final Enroller enroller;
    private final OrderService orders;
    private final RelatedProducts related;
    private final MessagingService messaging;
    private final RecommendationsProperties properties;

    RecommendationsJourney(
            Enroller enroller,
            OrderService orders,
            RelatedProducts related,
            MessagingService messaging,
            RecommendationsProperties properties) {
        this.enroller = enroller;
        this.orders = orders;
        this.related = related;
        this.messaging = messaging;
        this.properties = properties;
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
        enroller.enrollAt(
                this,
                delivered.orderId(),
                delivered.customerId(),
                Map.of("orderId", delivered.orderId()),
                delivered.deliveredAt().plus(properties.afterDelivery()));
    }

    @Override
    public Step run(Enrollment enrollment) {
        var order = orders.get(enrollment.get("orderId"));
        if (order.status() == OrderStatus.CANCELLED) {
            return Step.exit("ORDER_CANCELLED");
        }
        var productIds =
                order.lines().stream().map(LineItem::productId).distinct().toList();
        var products = related.coPurchased(order.customerId(), productIds, properties.max());
        if (products.isEmpty()) {
            return Step.exit("NO_RECOMMENDATIONS");
        }
        messaging.send(new SendCommand(
                enrollment.customerId(),
                Purpose.MARKETING,
                null,
                new OutboundContent.Template(
                        TEMPLATE,
                        Map.of(
                                "productNames",
                                RelatedProducts.titles(products),
                                "url",
                                products.getFirst().url())),
                null,
                enrollment.origin()));
        return Step.complete();
    }
}
