package io.commerce.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commerce.shared.LineItem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Shipment PARCEL = new Shipment("DHL", "JD0146", null, null);

    private final Order order = Order.place(
            "1001",
            new OrderDetails(
                    "c-1",
                    null,
                    "EUR",
                    new BigDecimal("89.95"),
                    null,
                    null,
                    List.of(new LineItem("p", "v", 1, new BigDecimal("89.95")))),
            NOW);

    @Test
    void placedOrderDefaultsPlacedAtToNow() {
        assertThat(order.view().status()).isEqualTo(OrderStatus.PLACED);
        assertThat(order.view().placedAt()).isEqualTo(NOW);
    }

    @Test
    void shipsSeveralParcelsThenDelivers() {
        order.ship(PARCEL, NOW);
        var second = order.ship(new Shipment("DHL", "JD0147", null, null), NOW.plusSeconds(60));
        var delivered = order.deliver(null, NOW.plusSeconds(120));

        assertThat(second.shippedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(order.view().shipments()).hasSize(2);
        assertThat(delivered.deliveredAt()).isEqualTo(NOW.plusSeconds(120));
        assertThat(order.view().status()).isEqualTo(OrderStatus.DELIVERED);
    }

    @Test
    void cannotDeliverWhatWasNotShipped() {
        assertThatThrownBy(() -> order.deliver(null, NOW)).isInstanceOf(OrderTransitionException.class);
    }

    @Test
    void deliveredAndCancelledAreFinal() {
        order.ship(PARCEL, NOW);
        order.deliver(null, NOW);
        assertThatThrownBy(() -> order.cancel("late", NOW)).isInstanceOf(OrderTransitionException.class);
        assertThatThrownBy(() -> order.ship(PARCEL, NOW)).isInstanceOf(OrderTransitionException.class);

        var other = Order.place("1002", detailsOf(order), NOW);
        other.cancel("customer request", NOW);
        assertThatThrownBy(() -> other.ship(PARCEL, NOW)).isInstanceOf(OrderTransitionException.class);
        assertThatThrownBy(() -> other.cancel("again", NOW))
                .isInstanceOf(OrderTransitionException.class)
                .extracting("code")
                .isEqualTo("INVALID_ORDER_TRANSITION");
    }

    @Test
    void updateWithTheSameDetailsChangesNothing() {
        assertThat(order.update(detailsOf(order), NOW.plusSeconds(5))).isFalse();
    }

    private static OrderDetails detailsOf(Order order) {
        var view = order.view();
        return new OrderDetails(
                view.customerId(),
                view.cartId(),
                view.currency(),
                view.total(),
                view.placedAt(),
                view.orderUrl(),
                view.lines());
    }
}
