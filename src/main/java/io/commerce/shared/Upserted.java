package io.commerce.shared;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The outcome of a {@code PUT}: the stored value and whether it was created (201) or updated (200). */
public record Upserted<T>(T value, boolean created) {

    /** The HTTP answer the contract gives an upsert: 201 with the resource when created, else 200. */
    public ResponseEntity<T> toResponse() {
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                .body(value);
    }
}
