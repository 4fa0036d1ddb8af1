package io.commerce.shared;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The {@code ?page=&size=} of a list request, bound from query parameters and validated: at most 500
 * items a page.
 */
public record PageRequest(
        @Schema(description = "Which page, from 0", defaultValue = "0") @Min(0) @Max(1_000_000)
        Integer page,

        @Schema(description = "Items a page", defaultValue = "50") @Min(1) @Max(500)
        Integer size) {

    public static final int DEFAULT_SIZE = 50;

    public PageRequest {
        page = page == null ? 0 : page;
        size = size == null ? DEFAULT_SIZE : size;
    }

    public long offset() {
        return (long) page * size;
    }
}
