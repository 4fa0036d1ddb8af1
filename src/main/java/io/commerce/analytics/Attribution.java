package io.commerce.analytics;

import io.commerce.messaging.MessagingService;
import io.commerce.order.OrderPlaced;
import io.commerce.order.OrderService;
import io.commerce.order.OrderStatus;
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
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Attributes each placed order once, to the message that led to it: the one whose discount code the order
 * redeemed, else the last one the customer clicked within the click window, else the last one delivered or read
 * within the view window (windows per channel). A code redeemed after the order was attributed otherwise takes
 * the attribution over ({@link TakeBacks}: cancellations and returns). Each change counts in the funnel in the hour
 * the order was placed, under the message's dimensions.
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
        attribute(new Placed(
                placed.orderId(),
                placed.customerId(),
                placed.placedAt(),
                placed.total().amount(),
                placed.total().currency().getCurrencyCode(),
                null));
    }

    @ApplicationModuleListener
    void on(CodeRedeemed redeemed) {
        if (redeemed.orderId() != null) {
            orders.find(redeemed.orderId())
                    .ifPresent(order -> attribute(new Placed(
                            order.orderId(),
                            order.customerId(),
                            order.placedAt(),
                            order.total(),
                            order.currency(),
                            order.status() == OrderStatus.CANCELLED ? order.cancelledAt() : null)));
        }
    }

    /** An order as attribution needs it; {@code cancelledAt} when it was cancelled already. */
    record Placed(
            String orderId,
            String customerId,
            Instant placedAt,
            BigDecimal total,
            String currency,
            @Nullable Instant cancelledAt) {}

    /** Attributes the order (again, when a code now names its message); idempotent; timed. */
    void attribute(Placed order) {
        var started = System.nanoTime();
        try {
            attributeNow(order);
        } finally {
            Timer.builder("analytics.attribution")
                    .description("time to attribute an order, in its event's processing")
                    .publishPercentiles(0.5, 0.99)
                    .register(meters)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    private void attributeNow(Placed order) {
        attributions.lock(order.orderId());
        var existing = attributions.find(order.orderId());
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
        existing.filter(previous -> previous.cancelledAt() == null)
                .ifPresent(previous -> tally.write(previous.counted(-1)));
        var attributed = new Attributions.Attributed(
                order.orderId(),
                order.customerId(),
                touch.get().kind(),
                touch.get().touch(),
                order.placedAt(),
                existing.map(Attributions.Attributed::revenue) // what returns left of it
                        .orElse(order.currency().equals(properties.currency()) ? order.total() : BigDecimal.ZERO),
                order.currency(),
                order.cancelledAt());
        attributions.save(attributed);
        if (order.cancelledAt() == null) {
            tally.write(attributed.counted(1));
        }
        meters.counter(
                        "analytics.orders.attributed",
                        "touch",
                        attributed.kind().name().toLowerCase(Locale.ROOT))
                .increment();
    }

    private record Found(Attributions.TouchKind kind, Touch touch) {}

    /** The message that carried the code the order redeemed, if it redeemed one a message carried. */
    private Optional<Found> codeTouch(Placed order) {
        return promotions.codesOf(order.customerId()).stream()
                .filter(code -> order.orderId().equals(code.orderId()))
                .map(code -> messaging.lastCarrying(order.customerId(), code.code(), order.placedAt()))
                .flatMap(Optional::stream)
                .findFirst()
                .flatMap(messageId ->
                        messaging.facts(List.of(messageId)).stream().findFirst())
                .map(message -> new Found(
                        Attributions.TouchKind.CODE,
                        new Touch(
                                message.messageId(),
                                message.channel(),
                                message.sentAt(),
                                Dimensions.of(
                                        message.origin(),
                                        message.templateKey(),
                                        message.channel(),
                                        message.variant()))));
    }

    private Optional<Found> clickOrView(Placed order) {
        var placed = order.placedAt();
        var clicked = latestWithin(
                clicks.clicksBetween(order.customerId(), placed.minus(longest(w -> w.click())), placed),
                touch -> properties.windows(touch.channel()).click(),
                placed);
        if (clicked.isPresent()) {
            return clicked.map(touch -> new Found(Attributions.TouchKind.CLICK, touch));
        }
        var seen = messaging.seenBetween(order.customerId(), placed.minus(longest(w -> w.view())), placed).stream()
                .map(message -> new Touch(
                        message.messageId(),
                        message.channel(),
                        message.at(),
                        Dimensions.of(message.origin(), message.templateKey(), message.channel(), message.variant())))
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
