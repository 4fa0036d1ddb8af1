package io.commerce.journey.journeys;

import io.commerce.journey.engine.Enroller;
import io.commerce.journey.engine.Enrollment;
import io.commerce.journey.engine.Journey;
import io.commerce.journey.engine.JourneySettings;
import io.commerce.journey.engine.Step;
import io.commerce.messaging.MessagingService;
import io.commerce.messaging.OutboundContent;
import io.commerce.messaging.SendCommand;
import io.commerce.order.OrderService;
import io.commerce.order.OrderShipped;
import io.commerce.order.OrderStatus;
import io.commerce.shared.Purpose;
import java.time.Duration;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Post-purchase: when a parcel ships, the customer gets the tracking link (template {@code
 * shipping_update}, transactional) on the channel the rules allow, WhatsApp first. One enrollment per
 * shipment; a cancelled order ends it before anything is sent.
 */
@Component
class ShippingUpdateJourney implements Journey {

    static final String NAME = "shipping_update";

    private final Enroller enroller;
    private final OrderService orders;
    private final MessagingService messaging;
    private final ShippingUpdateProperties properties;

    ShippingUpdateJourney(
            Enroller enroller, OrderService orders, MessagingService messaging, ShippingUpdateProperties properties) {
        this.enroller = enroller;
        this.orders = orders;
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
    void on(OrderShipped shipped) {
        var shipment = shipped.shipment();
        var link = shipment.trackingUrl() != null ? shipment.trackingUrl() : shipment.trackingNumber();
        enroller.enroll(
                this,
                shipped.orderId() + "/" + shipment.trackingNumber(),
                shipped.customerId(),
                Map.of("orderId", shipped.orderId(), "carrier", shipment.carrier(), "trackingUrl", link),
                Duration.ZERO);
    }

    @Override
    public Step run(Enrollment enrollment) {
        if (orders.status(enrollment.get("orderId")) == OrderStatus.CANCELLED) {
            return Step.exit("ORDER_CANCELLED");
        }
        messaging.send(new SendCommand(
                enrollment.customerId(),
                Purpose.TRANSACTIONAL,
                null,
                new OutboundContent.Template(NAME, enrollment.context()),
                null,
                enrollment.origin()));
        return Step.complete();
    }
}
