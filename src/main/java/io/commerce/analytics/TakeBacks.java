package io.commerce.analytics;

import io.commerce.order.OrderCancelled;
import io.commerce.order.OrderReturned;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What comes off an attributed order, in the funnel's hour the order was placed under its message's dimensions: a
 * cancellation takes the order and its revenue back; a return's refund comes off the revenue, once per return,
 * and the order still counts.
 */
@Component
class TakeBacks {

    private final Attributions attributions;
    private final Tally tally;
    private final AnalyticsProperties properties;
    private final MeterRegistry meters;

    TakeBacks(Attributions attributions, Tally tally, AnalyticsProperties properties, MeterRegistry meters) {
        this.attributions = attributions;
        this.tally = tally;
        this.properties = properties;
        this.meters = meters;
    }

    @ApplicationModuleListener
    void on(OrderCancelled cancelled) {
        if (takeBack(cancelled.orderId(), attributed -> true, attributed -> {
            attributions.cancel(cancelled.orderId(), cancelled.cancelledAt());
            return attributed.counted(-1);
        })) {
            meters.counter("analytics.orders.taken_back").increment();
        }
    }

    @ApplicationModuleListener
    void on(OrderReturned returned) {
        var refund = returned.amount().amount();
        var taken = takeBack(
                returned.orderId(),
                attributed -> attributed.currency().equals(properties.currency()) // else it counted no revenue
                        && attributions.takeBack(
                                returned.orderId(), returned.returnId(), refund, returned.returnedAt()),
                attributed -> new Tally.Delta(
                        attributed.placedAt(), attributed.touch().dimensions(), Counts.aRefund(refund)));
        if (taken) {
            meters.counter("analytics.orders.refunds").increment();
        }
    }

    /**
     * Under the order's lock: when it is attributed, not cancelled and {@code taken}, counts what {@code delta}
     * says; false when nothing was taken back.
     */
    private boolean takeBack(
            String orderId,
            Predicate<Attributions.Attributed> taken,
            Function<Attributions.Attributed, Tally.Delta> delta) {
        attributions.lock(orderId);
        var attributed = attributions
                .find(orderId)
                .filter(found -> found.cancelledAt() == null)
                .filter(taken);
        attributed.ifPresent(found -> tally.write(delta.apply(found)));
        return attributed.isPresent();
    }
}
