package io.commerce.journey.journeys;

import io.commerce.catalog.CatalogService;
import io.commerce.catalog.VariantRestocked;
import io.commerce.catalog.VariantView;
import io.commerce.journey.engine.Enroller;
import io.commerce.journey.engine.Enrollment;
import io.commerce.journey.engine.Journey;
import io.commerce.journey.engine.JourneyProperties;
import io.commerce.journey.engine.JourneySettings;
import io.commerce.journey.engine.Step;
import io.commerce.messaging.MessageRefusedException;
import io.commerce.messaging.MessagingService;
import io.commerce.messaging.OutboundContent;
import io.commerce.messaging.SendCommand;
import io.commerce.shared.Channel;
import io.commerce.shared.Purpose;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Discovery: a customer who asked to hear when a variant is back gets one alert (template {@code
 * back_in_stock}, transactional: the subscription is the customer's request) when it is restocked. Every
 * restock enrolls the variant's still-active subscriptions; right before sending, the stock is checked again
 * (sold out again: the subscription waits for the next restock) and the subscription is marked notified in
 * the step's transaction, so it alerts once, however many restocks and repeated events come.
 */
@Component
class BackInStockJourney implements Journey {

    static final String NAME = "back_in_stock";

    private final Enroller enroller;
    private final CatalogService catalog;
    private final MessagingService messaging;
    private final BackInStockProperties properties;
    private final JourneyProperties journeys;

    BackInStockJourney(
            Enroller enroller,
            CatalogService catalog,
            MessagingService messaging,
            BackInStockProperties properties,
            JourneyProperties journeys) {
        this.enroller = enroller;
        this.catalog = catalog;
        this.messaging = messaging;
        this.properties = properties;
        this.journeys = journeys;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String stage() {
        return "discovery";
    }

    @Override
    public JourneySettings settings() {
        return properties;
    }

    /** One enrollment per active subscription and restock: a later restock may alert what this one could not. */
    @ApplicationModuleListener
    void on(VariantRestocked restocked) {
        for (var subscription : catalog.activeSubscriptions(restocked.productId(), restocked.variantId())) {
            var context = new HashMap<String, String>();
            context.put("subscriptionId", subscription.subscriptionId().toString());
            context.put("productId", subscription.productId());
            context.put("variantId", subscription.variantId());
            if (subscription.channel() != null) {
                context.put("channel", subscription.channel().name());
            }
            enroller.enroll(
                    this,
                    subscription.subscriptionId() + "/" + restocked.restockedAt(),
                    subscription.customerId(),
                    context,
                    properties.delay());
        }
    }

    @Override
    public Step run(Enrollment enrollment) {
        var product = catalog.get(enrollment.get("productId"));
        var inStock = product.variants().stream()
                .filter(variant -> variant.variantId().equals(enrollment.get("variantId")))
                .mapToInt(VariantView::inventory)
                .sum();
        if (inStock <= 0) {
            return Step.exit("STOCK_GONE");
        }
        if (!catalog.markNotified(Long.parseLong(enrollment.get("subscriptionId")))) {
            return Step.exit("ALREADY_NOTIFIED");
        }
        var params = Map.of(
                "productName",
                product.title(),
                "productUrl",
                product.url() != null ? product.url() : journeys.shopUrl());
        sendOnFirstAllowedChannel(enrollment, new OutboundContent.Template(NAME, params));
        return Step.complete();
    }

    /** The subscription's channel (else the preferred one) first, the other if the rules refuse the first. */
    private void sendOnFirstAllowedChannel(Enrollment enrollment, OutboundContent content) {
        var first = enrollment.get("channel") != null
                ? Channel.valueOf(enrollment.get("channel"))
                : properties.preferredChannel();
        var second = first == Channel.SMS ? Channel.WHATSAPP : Channel.SMS;
        MessageRefusedException refused = null;
        for (var channel : List.of(first, second)) {
            try {
                messaging.send(new SendCommand(
                        enrollment.customerId(), Purpose.TRANSACTIONAL, channel, content, null, enrollment.origin()));
                return;
            } catch (MessageRefusedException e) {
                refused = refused == null ? e : refused;
            }
        }
        throw refused;
    }
}
