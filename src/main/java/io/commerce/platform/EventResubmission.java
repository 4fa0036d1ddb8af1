package io.commerce.platform;

import java.time.Clock;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers again the domain events whose listener failed (or whose instance died mid-listener), instead of
 * waiting for the next restart: every {@code commerce.events.resubmit-interval}, publications incomplete
 * for longer than {@code commerce.events.resubmit-after} are resubmitted. Listeners are idempotent, so a
 * second instance doing the same at the same moment is harmless.
 */
@Component
class EventResubmission {

    private final IncompleteEventPublications incomplete;
    private final EventProperties properties;
    private final Clock clock;

    EventResubmission(IncompleteEventPublications incomplete, EventProperties properties, Clock clock) {
        this.incomplete = incomplete;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${commerce.events.resubmit-interval:PT1M}",
            initialDelayString = "${commerce.events.resubmit-interval:PT1M}")
    void resubmitStale() {
        var cutoff = clock.instant().minus(properties.resubmitAfter());
        incomplete.resubmitIncompletePublications(
                publication -> publication.getPublicationDate().isBefore(cutoff));
    }
}
