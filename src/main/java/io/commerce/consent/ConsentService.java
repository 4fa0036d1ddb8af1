package io.commerce.consent;

import io.commerce.customer.CustomerService;
import io.commerce.shared.Channel;
import io.commerce.shared.Purpose;
import io.commerce.shared.ReadTogether;
import io.commerce.shared.Upserted;
import java.time.Clock;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The consent module's public face: record grants and withdrawals, read them, ask whether one holds. */
@Service
public class ConsentService {

    private final ConsentLedger ledger;
    private final CustomerService customers;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ReadTogether<String, Set<Grant>> granted;

    ConsentService(ConsentLedger ledger, CustomerService customers, ApplicationEventPublisher events, Clock clock) {
        this.ledger = ledger;
        this.customers = customers;
        this.events = events;
        this.clock = clock;
        this.granted = new ReadTogether<>(customerIds -> ledger.grantsOf(customerIds).stream()
                .collect(Collectors.groupingBy(Grant::customerId, Collectors.toSet())));
    }

    /**
     * Records a change of consent. Repeating the current status, source and evidence changes nothing; a
     * new source or wording for the same status is kept in the ledger; only a change of status
     * publishes {@link ConsentGranted} or {@link ConsentWithdrawn}.
     */
    @Transactional
    public Upserted<ConsentRecord> record(String customerId, Channel channel, Purpose purpose, ConsentChange change) {
        customers.requireExisting(customerId);
        var current = ledger.lockCurrent(customerId, channel, purpose);
        if (current.isPresent() && current.get().sameAs(change)) {
            return new Upserted<>(current.get(), false);
        }
        var now = clock.instant();
        var record = new ConsentRecord(channel, purpose, change.status(), now, change.source(), change.evidence());
        ledger.append(customerId, record);
        var statusChanged = current.map(c -> c.status() != change.status()).orElse(true);
        if (statusChanged) {
            events.publishEvent(
                    change.status() == ConsentStatus.GRANTED
                            ? new ConsentGranted(customerId, channel, purpose, change.source(), now)
                            : new ConsentWithdrawn(customerId, channel, purpose, change.source(), now));
        }
        return new Upserted<>(record, current.isEmpty());
    }

    @Transactional(readOnly = true)
    public Consents consents(String customerId) {
        customers.requireExisting(customerId);
        return new Consents(ledger.current(customerId), ledger.history(customerId));
    }

    /**
     * Whether the customer has granted this channel for this purpose; nothing recorded means no. One statement,
     * so no transaction of its own (the caller's when it has one): the dispatcher asks for every message it
     * sends, and a read-only transaction around one read cost a round trip more each time.
     */
    public boolean isGranted(String customerId, Channel channel, Purpose purpose) {
        var grant = new Grant(customerId, channel, purpose);
        return granted.get(
                        customerId,
                        () -> Optional.of(
                                ledger.isGranted(customerId, channel, purpose) ? Set.of(grant) : Set.<Grant>of()))
                .orElse(Set.of())
                .contains(grant);
    }

    /**
     * Runs {@code work} with these customers' grants read first, in one statement, for the {@link #isGranted}
     * questions asked inside ({@link ReadTogether}): for a caller about to queue messages to many customers in
     * one transaction.
     */
    public void readTogether(Collection<String> customerIds, Runnable work) {
        granted.during(customerIds, work);
    }

    /**
     * Every consent that holds for these customers, read in one statement: for a caller about to ask about
     * many at once (the dispatcher re-checks a claimed batch together).
     */
    public Set<Grant> grantsOf(Collection<String> customerIds) {
        return ledger.grantsOf(customerIds);
    }
}
