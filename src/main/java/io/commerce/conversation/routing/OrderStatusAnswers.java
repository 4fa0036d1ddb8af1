package io.commerce.conversation.routing;

import io.commerce.messaging.OutboundContent;
import io.commerce.order.OrderService;
import io.commerce.order.OrderView;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * "Where is my order": the status, carrier and tracking link of the customer's own orders only. One order
 * (or the one named) is answered at once; several are offered as a list to choose from, whose rows come back
 * as {@code ORDER:<orderId>}. An order number that is not the customer's is answered as not found, exactly
 * as one that does not exist, so nobody learns about another customer's order.
 */
@Component
class OrderStatusAnswers {

    static final String ROW = "ORDER:";
    private static final int LISTED = 10;

    private final OrderService orders;
    private final BotTexts texts;

    OrderStatusAnswers(OrderService orders, BotTexts texts) {
        this.orders = orders;
        this.texts = texts;
    }

    /** The answer for this customer, about the order named ({@code orderNumber}), or about their orders. */
    OutboundContent answer(String customerId, @Nullable String orderNumber, Locale language) {
        var recent = orders.recentOrders(customerId, LISTED);
        if (orderNumber != null) {
            return named(customerId, orderNumber, recent, language);
        }
        if (recent.isEmpty()) {
            return text(texts.say("answers.order.none", language));
        }
        if (recent.size() == 1) {
            return text(line(recent.getFirst(), language));
        }
        var rows = recent.stream()
                .map(order -> new OutboundContent.Row(
                        ROW + order.orderId(),
                        cut(texts.say("answers.order.choose.row.title", language, order.orderId()), 24),
                        cut(
                                texts.say(
                                        "answers.order.choose.row.description",
                                        language,
                                        order.orderId(),
                                        status(order, language)),
                                72)))
                .toList();
        return new OutboundContent.ListMenu(
                null,
                texts.say("answers.order.choose.body", language),
                null,
                texts.say("answers.order.choose.button", language),
                List.of(new OutboundContent.Section(null, rows)));
    }

    private OutboundContent named(String customerId, String orderNumber, List<OrderView> recent, Locale language) {
        var found = recent.stream()
                .filter(order -> sameNumber(order.orderId(), orderNumber))
                .findFirst()
                .or(() -> own(customerId, orderNumber));
        return text(found.map(order -> line(order, language))
                .orElseGet(() -> texts.say("answers.order.not-found", language, orderNumber)));
    }

    /** An older order of the customer's, looked up by id; another customer's order is not found. */
    private Optional<OrderView> own(String customerId, String orderNumber) {
        return orders.find(orderNumber).filter(order -> customerId.equals(order.customerId()));
    }

    private String line(OrderView order, Locale language) {
        var shipment = order.shipments().isEmpty() ? null : order.shipments().getLast();
        if (shipment == null || order.status() == io.commerce.order.OrderStatus.CANCELLED) {
            return texts.say("answers.order.line.untracked", language, order.orderId(), status(order, language));
        }
        var link = shipment.trackingUrl() != null ? shipment.trackingUrl() : shipment.trackingNumber();
        return texts.say(
                "answers.order.line", language, order.orderId(), status(order, language), shipment.carrier(), link);
    }

    private String status(OrderView order, Locale language) {
        return texts.say("answers.order.status." + order.status().name().toLowerCase(Locale.ROOT), language);
    }

    /** "1234" names order "1234", "#1234", "A-1234" or "o-1234", but not "11234". */
    private static boolean sameNumber(String orderId, String number) {
        var id = orderId.toLowerCase(Locale.ROOT);
        var wanted = number.toLowerCase(Locale.ROOT);
        return id.equals(wanted) || id.matches(".*[^0-9a-z]" + java.util.regex.Pattern.quote(wanted));
    }

    private static OutboundContent text(String words) {
        return new OutboundContent.Text(words, true);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
