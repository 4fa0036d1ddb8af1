package io.commerce.analytics;

import io.commerce.messaging.MessagingService;
import io.commerce.order.OrderCancelled;
import io.commerce.order.OrderPlaced;
import io.commerce.order.OrderService;
import io.commerce.order.OrderStatus;
import io.commerce.order.OrderView;
import io.commerce.promotion.CodeRedeemed;
import io.commerce.promotion.PromotionService;
import io.commerce.shared.Channel;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Attributes each placed order once, to the message that led to it: the one whose discount code the order
 * redeemed, else the last one the customer clicked within the click window, else the last one delivered or read
 * within the view window (windows per channel). A code redeemed after the order was attributed otherwise takes
 * the attribution over; a cancelled order takes its revenue back. Each change counts in the funnel in the hour the
 * order was placed, under the message's dimensions.
 */
@Component
class Attribution {

    private final OrderService orders;
    private final PromotionService promotions;
    private final MessagingService messaging;
    private final Clicks clicks;
    private final Attributions attributions;
    private final Tally tally;
    private final AnalyticsProperties properties;
    private final MeterRegistry meters;

    Attribution(
            OrderService orders,
            PromotionService promotions,
            MessagingService messaging,
            Clicks clicks,
            Attributions attributions,
            Tally tally,
            AnalyticsProperties properties,
            MeterRegistry meters) {
        this.orders = orders;
        this.promotions = promotions;
        this.messaging = messaging;
        this.clicks = clicks;
        this.attributions = attributions;
        this.tally = tally;
        this.properties = properties;
        this.meters = meters;
    }

    @ApplicationModuleListener
    void on(OrderPlaced placed) {
        attribute(placed.orderId());
    }

    @ApplicationModuleListener
    void on(CodeRedeemed redeemed) {
        if (redeemed.orderId() != null) {
            attribute(redeemed.orderId());
        }
    }

    @ApplicationModuleListener
    void on(OrderCancelled cancelled) {
        attributions.lock(cancelled.orderId());
        attributions
                .find(cancelled.orderId())
                .filter(attributed -> attributed.cancelledAt() == null)
                .ifPresent(attributed -> {
                    attributions.cancel(cancelled.orderId(), cancelled.cancelledAt());
                    tally.write(attributed.counted(-1));
                    meters.counter("analytics.orders.taken_back").increment();
                });
    }

    /** Attributes the order (again, when a code now names its message); idempotent; timed. */
    void attribute(String orderId) {
        var started = System.nanoTime();
        try {
            attributeNow(orderId);
        } finally {
            Timer.builder("analytics.attribution")
                    .description("time to attribute an order, in its event's processing")
                    .publishPercentiles(0.5, 0.99)
                    .register(meters)
                    .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    private void attributeNow(String orderId) {
        var order = orders.find(orderId).orElse(null);
        if (order == null) {
            return;
        }
        attributions.lock(orderId);
        var existing = attributions.find(orderId);
        if (existing.isPresent() && existing.get().kind() == Attributions.TouchKind.CODE) {
            return;
        }
        var byCode = codeTouch(order);
        if (existing.isPresent() && byCode.isEmpty()) {
            return;
        }
        var touch = byCode.or(() -> clickOrView(order));
        if (touch.isEmpty()) {
            return;
        }
        var facts = messaging.facts(List.of(touch.get().touch().messageId()));
        if (facts.isEmpty()) {
            return;
        }
        var message = facts.getFirst();
        var cancelled = order.status() == OrderStatus.CANCELLED;
        existing.filter(previous -> previous.cancelledAt() == null)
                .ifPresent(previous -> tally.write(previous.counted(-1)));
        var attributed = new Attributions.Attributed(
                order.orderId(),
                order.customerId(),
                touch.get().kind(),
                touch.get().kind() == Attributions.TouchKind.CODE
                        ? new Touch(message.messageId(), message.channel(), message.sentAt())
                        : touch.get().touch(),
                order.placedAt(),
                Dimensions.of(message.origin(), message.templateKey(), message.channel(), message.variant()),
                order.currency().equals(properties.currency()) ? order.total() : BigDecimal.ZERO,
                order.currency(),
                cancelled ? order.cancelledAt() : null);
        attributions.save(attributed);
        if (!cancelled) {
            tally.write(attributed.counted(1));
        }
        meters.counter(
                        "analytics.orders.attributed",
                        "touch",
                        attributed.kind().name().toLowerCase(Locale.ROOT))
                .increment();
    }

    private record Found(Attributions.TouchKind kind, Touch touch) {}

    private Optional<Found> codeTouch(OrderView order) {
        return promotions.codesOf(order.customerId()).stream()
                .filter(code -> order.orderId().equals(code.orderId()))
                .map(code -> messaging.lastCarrying(order.customerId(), code.code(), order.placedAt()))
                .flatMap(Optional::stream)
                .findFirst()
                .map(messageId -> new Found(Attributions.TouchKind.CODE, new Touch(messageId, null, order.placedAt())));
    }

    private Optional<Found> clickOrView(OrderView order) {
        var placed = order.placedAt();
        var clicked = latestWithin(
                clicks.clicksBetween(order.customerId(), placed.minus(longest(w -> w.click())), placed),
                touch -> properties.windows(touch.channel()).click(),
                placed);
        if (clicked.isPresent()) {
            return clicked.map(touch -> new Found(Attributions.TouchKind.CLICK, touch));
        }
        var seen = messaging.seenBetween(order.customerId(), placed.minus(longest(w -> w.view())), placed).stream()
                .map(message -> new Touch(message.messageId(), message.channel(), message.at()))
                .toList();
        return latestWithin(seen, touch -> properties.windows(touch.channel()).view(), placed)
                .map(touch -> new Found(Attributions.TouchKind.VIEW, touch));
    }

    /** The latest touch inside its channel's window before {@code placed}. */
    private static Optional<Touch> latestWithin(List<Touch> touches, Function<Touch, Duration> window, Instant placed) {
        return touches.stream()
                .filter(touch -> !touch.at().isBefore(placed.minus(window.apply(touch))))
                .max(Comparator.comparing(Touch::at));
    }

    private Duration longest(Function<AnalyticsProperties.Windows, Duration> window) {
        return Arrays.stream(Channel.values())
                .map(channel -> window.apply(properties.windows(channel)))
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElseThrow();
    }
}
