package io.commerce.order;

import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.hibernate.validator.constraints.URL;

/** A parcel of the order: {@code POST /api/v1/orders/{orderId}/shipments}. */
@Embeddable
public record Shipment(
        @NotBlank @Size(max = 100) String carrier,
        @NotBlank @Size(max = 200) String trackingNumber,
        @URL @Size(max = 2048) String trackingUrl,
        Instant shippedAt) {

    Shipment at(Instant time) {
        return new Shipment(carrier, trackingNumber, trackingUrl, shippedAt == null ? time : shippedAt);
    }
}
