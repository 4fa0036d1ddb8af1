package io.commerce.messaging;

import io.commerce.consent.ConsentWithdrawn;
import io.commerce.shared.Purpose;
import java.time.Clock;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A withdrawn marketing consent cancels the customer's queued marketing messages on that channel at once
 * (the dispatcher's own consent check would stop them too, one by one, when they come due).
 */
@Component
class ConsentWithdrawals {

    private final Outbox outbox;
    private final Clock clock;

    ConsentWithdrawals(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(ConsentWithdrawn withdrawn) {
        if (withdrawn.purpose() == Purpose.MARKETING) {
            outbox.cancelQueued(
                    withdrawn.customerId(),
                    withdrawn.channel(),
                    Purpose.MARKETING,
                    "CONSENT_WITHDRAWN",
                    clock.instant());
        }
    }
}
