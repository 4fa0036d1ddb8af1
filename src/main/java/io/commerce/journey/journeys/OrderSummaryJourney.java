package io.commerce.journey.journeys;

import io.commerce.catalog.CatalogService;
import io.commerce.catalog.ProductSummary;
import io.commerce.customer.CustomerService;
import io.commerce.journey.engine.Enroller;
import io.commerce.journey.engine.Enrollment;
import io.commerce.journey.engine.Journey;
import io.commerce.journey.engine.JourneySettings;
import io.commerce.journey.engine.Step;
import io.commerce.messaging.MessagingService;
import io.commerce.messaging.OutboundContent;
import io.commerce.messaging.SendCommand;
import io.commerce.order.OrderPlaced;
import io.commerce.order.OrderService;
import io.commerce.order.OrderStatus;
import io.commerce.order.OrderView;
import io.commerce.shared.LineItem;
import io.commerce.shared.Purpose;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Purchase: right after an order is placed the customer gets its summary (template {@code order_summary},
 * utility, transactional): the items, the total, until when items can still be added (in the customer's time
 * zone) and a few related products (bought together with these by others, else from the same categories).
 * Without related products the summary goes as {@code order_summary_plain}. A cancelled order gets none.
 */
@Component
class OrderSummaryJourney implements Journey {

    static final String NAME = "order_summary";
    static final String PLAIN = "order_summary_plain";

    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Enroller enroller;
    private final OrderService orders;
    private final CatalogService catalog;
    private final CustomerService customers;
    private final RelatedProducts related;
    private final MessagingService messaging;
    private final OrderSummaryProperties properties;

    OrderSummaryJourney(
            Enroller enroller,
            OrderService orders,
            CatalogService catalog,
            CustomerService customers,
            RelatedProducts related,
            MessagingService messaging,
            OrderSummaryProperties properties) {
        this.enroller = enroller;
        this.orders = orders;
        this.catalog = catalog;
        this.customers = customers;
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
        return "purchase";
    }

    @Override
    public JourneySettings settings() {
        return properties;
    }

    @ApplicationModuleListener
    void on(OrderPlaced placed) {
        enroller.enroll(
                this, placed.orderId(), placed.customerId(), Map.of("orderId", placed.orderId()), Duration.ZERO);
    }

    @Override
    public Step run(Enrollment enrollment) {
        var order = orders.get(enrollment.get("orderId"));
        if (order.status() == OrderStatus.CANCELLED) {
            return Step.exit("ORDER_CANCELLED");
        }
        var productIds =
                order.lines().stream().map(LineItem::productId).distinct().toList();
        var suggestions =
                related.coPurchasedOrSameCategory(order.customerId(), productIds, properties.relatedProductsMax());
        var params = new HashMap<String, String>();
        params.put("orderId", order.orderId());
        params.put("items", items(order, catalog.summaries(productIds)));
        params.put("total", order.total().setScale(2).toPlainString() + " " + order.currency());
        params.put("addItemsUntil", addItemsUntil(order));
        if (!suggestions.isEmpty()) {
            params.put("related", RelatedProducts.titlesWithLinks(suggestions));
        }
        messaging.send(new SendCommand(
                enrollment.customerId(),
                Purpose.TRANSACTIONAL,
                null,
                new OutboundContent.Template(suggestions.isEmpty() ? PLAIN : NAME, params),
                null,
                enrollment.origin()));
        return Step.complete();
    }

    /** "Runner X × 1, Trail Y × 2". */
    private static String items(OrderView order, Map<String, ProductSummary> products) {
        return order.lines().stream()
                .map(line -> {
                    var product = products.get(line.productId());
                    return (product != null ? product.title() : line.productId()) + " × " + line.quantity();
                })
                .collect(Collectors.joining(", "));
    }

    /** The order time plus the window, as the customer's wall clock shows it. */
    private String addItemsUntil(OrderView order) {
        var zone = ZoneId.of(customers.get(order.customerId()).timezone());
        return UNTIL.format(order.placedAt().plus(properties.addItemsWindow()).atZone(zone));
    }
}
