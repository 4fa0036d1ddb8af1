package io.commerce.campaign;

import io.commerce.shared.CommerceException;

/** A flash sale cannot launch: its product sold out ({@code SOLD_OUT}) or its time was up ({@code ENDED}). */
class FlashSaleClosedException extends CommerceException {
    FlashSaleClosedException(String reason, String message) {
        super(Kind.CONFLICT, reason, message);
    }
}
