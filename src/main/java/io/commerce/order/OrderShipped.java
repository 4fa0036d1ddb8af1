package io.commerce.order;

import java.time.Instant;

/** A shipment of the order left; an order may ship in several parcels. */
public record OrderShipped(String orderId, String customerId, Shipment shipment, Instant shippedAt) {}
