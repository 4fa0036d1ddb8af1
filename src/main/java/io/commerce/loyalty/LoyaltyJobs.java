package io.commerce.loyalty;

import java.time.Clock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs loyalty's timed work every {@code commerce.loyalty.jobs-every} (one minute), each job over the period
 * since it last looked ({@link Watermarks}), in a transaction of its own: lots lapsing, points becoming available,
 * reminders of lapsing points, birthdays.
 */
@Component
class LoyaltyJobs {

    private final Watermarks watermarks;
    private final Lapses lapses;
    private final Notices notices;
    private final TransactionTemplate transaction;
    private final LoyaltyProperties properties;
    private final Clock clock;

    LoyaltyJobs(
            Watermarks watermarks,
            Lapses lapses,
            Notices notices,
            TransactionTemplate transaction,
            LoyaltyProperties properties,
            Clock clock) {
        this.watermarks = watermarks;
        this.lapses = lapses;
        this.notices = notices;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${commerce.loyalty.jobs-every:PT1M}", initialDelayString = "PT20S")
    void run() {
        if (!properties.jobsEnabled()) {
            return;
        }
        job("lapse", lapses::lapse);
        job("available", notices::announceAvailable);
        job("remind", notices::remindLapsing);
        job("birthday", notices::celebrateBirthdays);
    }

    private void job(String name, java.util.function.BiConsumer<java.time.Instant, java.time.Instant> work) {
        transaction.executeWithoutResult(status -> watermarks.advance(name, clock.instant(), work));
    }
}
