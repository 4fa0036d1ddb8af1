package io.commerce.consent;

import io.commerce.customer.PersonalDataHolder;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Consents in the GDPR export; on erasure every granted consent is withdrawn (source {@code erasure}).
 * The ledger itself is kept: it is the evidence that past messages were sent with consent.
 */
@Component
class ConsentPersonalData implements PersonalDataHolder {

    static final String ERASURE = "erasure";

    private final ConsentLedger ledger;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ConsentPersonalData(ConsentLedger ledger, ApplicationEventPublisher events, Clock clock) {
        this.ledger = ledger;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public String section() {
        return "consents";
    }

    @Override
    public Object export(String customerId) {
        return new Consents(ledger.current(customerId), ledger.history(customerId));
    }

    @Override
    public void erase(String customerId) {
        var now = clock.instant();
        ledger.current(customerId).stream()
                .filter(consent -> consent.status() == ConsentStatus.GRANTED)
                .forEach(consent -> {
                    ledger.append(
                            customerId,
                            new ConsentRecord(
                                    consent.channel(), consent.purpose(), ConsentStatus.WITHDRAWN, now, ERASURE, null));
                    events.publishEvent(
                            new ConsentWithdrawn(customerId, consent.channel(), consent.purpose(), ERASURE, now));
                });
    }
}
