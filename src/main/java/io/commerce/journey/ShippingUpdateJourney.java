package io.commerce.journey;

import io.commerce.customer.CustomerService;
import io.commerce.messaging.MessagingService;
import io.commerce.messaging.OutboundContent;
import io.commerce.messaging.SendCommand;
import io.commerce.order.OrderService;
import io.commerce.order.OrderShipped;
import io.commerce.order.OrderStatus;
import io.commerce.shared.CommerceException;
import io.commerce.shared.Purpose;
import java.time.Clock;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Post-purchase: when a parcel ships, the customer gets the tracking link (template {@code
 * shipping_update}, transactional) on the channel the rules allow, WhatsApp first. One enrollment per
 * shipment; a cancelled order or an erased customer ends it before anything is sent.
 */
@Component
class ShippingUpdateJourney implements Journey {

    static final String NAME = "shipping_update";

    private final Enrollments enrollments;
    private final OrderService orders;
    private final CustomerService customers;
    private final MessagingService messaging;
    private final JourneyProperties properties;
    private final Clock clock;

    ShippingUpdateJourney(
            Enrollments enrollments,
            OrderService orders,
            CustomerService customers,
            MessagingService messaging,
            JourneyProperties properties,
            Clock clock) {
        this.enrollments = enrollments;
        this.orders = orders;
        this.customers = customers;
        this.messaging = messaging;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @ApplicationModuleListener
    void on(OrderShipped shipped) {
        if (!properties.shippingUpdate()) {
            return;
        }
        var shipment = shipped.shipment();
        var link = shipment.trackingUrl() != null ? shipment.trackingUrl() : shipment.trackingNumber();
        enrollments.enroll(
                NAME,
                shipped.orderId() + "/" + shipment.trackingNumber(),
                shipped.customerId(),
                Map.of("orderId", shipped.orderId(), "carrier", shipment.carrier(), "trackingUrl", link),
                clock.instant());
    }

    @Override
    public Step run(Enrollment enrollment) {
        var context = enrollment.context();
        if (orders.get(context.get("orderId")).status() == OrderStatus.CANCELLED) {
            return Step.exit("ORDER_CANCELLED");
        }
        if (!customers.exists(enrollment.customerId())) {
            return Step.exit("CUSTOMER_ERASED");
        }
        try {
            messaging.send(new SendCommand(
                    enrollment.customerId(),
                    Purpose.TRANSACTIONAL,
                    null,
                    new OutboundContent.Template(NAME, context),
                    null));
            return Step.complete();
        } catch (CommerceException refused) {
            return Step.exit(refused.code());
        }
    }
}
