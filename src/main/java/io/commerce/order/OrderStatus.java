package io.commerce.order;

/** placed → shipped → delivered, or cancelled from placed or shipped; delivered and cancelled are final. */
public enum OrderStatus {
    PLACED,
    SHIPPED,
    DELIVERED,
    CANCELLED
}
