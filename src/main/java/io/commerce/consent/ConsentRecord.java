package io.commerce.consent;

import io.commerce.shared.Channel;
import io.commerce.shared.Purpose;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One consent state: the current one for a channel and purpose, or one entry of the ledger. */
public record ConsentRecord(
        Channel channel,
        Purpose purpose,
        ConsentStatus status,
        Instant changedAt,
        String source,
        @Nullable String evidence) {

    boolean sameAs(ConsentChange change) {
        return status == change.status()
                && source.equals(change.source())
                && Objects.equals(evidence, change.evidence());
    }
}
