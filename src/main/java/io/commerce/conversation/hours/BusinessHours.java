package io.commerce.conversation.hours;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * The shop's business hours, for the rest of the conversation module: {@link #calendar()} is the current
 * {@link BusinessCalendar}. Kept in memory: a {@code PUT} on this instance applies at once, and each instance
 * re-reads the stored hours at most every {@code commerce.business-hours.refresh} (5 s by default), so
 * other instances follow within that time. Until someone sets them, the configured default applies.
 */
@Component
public class BusinessHours {

    private record Read(BusinessCalendar calendar, Instant at) {}

    private final BusinessHoursStore store;
    private final Clock clock;
    private final Duration refresh;
    private final BusinessCalendar defaults;
    private final AtomicReference<Read> current = new AtomicReference<>();

    BusinessHours(BusinessHoursStore store, Clock clock, BusinessHoursProperties properties) {
        this.store = store;
        this.clock = clock;
        this.refresh = properties.refresh();
        this.defaults = OpeningHoursRules.calendar(properties.defaults());
    }

    /** The business hours in force now. */
    public BusinessCalendar calendar() {
        var now = clock.instant();
        var read = current.get();
        if (read != null && isFresh(read, now)) {
            return read.calendar();
        }
        var fresh = new Read(store.load().orElse(defaults), now);
        // a PUT that landed meanwhile installed newer hours: keep those, use what was read just this once
        current.compareAndSet(read, fresh);
        return fresh.calendar();
    }

    /** The stored hours as the API shows them (the default until someone sets them), read afresh. */
    OpeningHours view() {
        return OpeningHoursRules.view(store.load().orElse(defaults));
    }

    /** Checks and stores new hours, which this instance uses from now on. */
    OpeningHours replace(OpeningHours hours) {
        var calendar = OpeningHoursRules.calendar(hours);
        store.replace(calendar);
        current.set(new Read(calendar, clock.instant()));
        return OpeningHoursRules.view(calendar);
    }

    /** Forgets the hours read, so the next {@link #calendar()} reads them again (tests that reset the rows). */
    void forget() {
        current.set(null);
    }

    private boolean isFresh(Read read, Instant now) {
        var age = Duration.between(read.at(), now);
        return !age.isNegative() && age.compareTo(refresh) < 0;
    }
}
