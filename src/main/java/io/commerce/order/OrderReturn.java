package io.commerce.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A return as recorded: what came back from which order, the amount refunded, when. */
public record OrderReturn(
        String returnId,
        String orderId,
        List<ReturnRequest.Line> lines,
        BigDecimal amount,
        String currency,
        Instant returnedAt) {}
