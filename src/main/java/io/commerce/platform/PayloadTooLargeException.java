package io.commerce.platform;

import java.io.IOException;

/** A request body that grew past {@code commerce.api.max-body-size} while being read. */
class PayloadTooLargeException extends IOException {
    PayloadTooLargeException(long limit) {
        super("the request body is larger than %d bytes".formatted(limit));
    }
}
