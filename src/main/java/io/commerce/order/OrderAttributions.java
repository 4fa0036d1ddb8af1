package io.commerce.order;

import java.util.Optional;

/**
 * Which message led to an order: implemented downstream (by {@code analytics}, which attributes orders), so
 * that the order's own view can show it without this module depending on measurement.
 */
public interface OrderAttributions {

    Optional<OrderAttribution> of(String orderId);
}
