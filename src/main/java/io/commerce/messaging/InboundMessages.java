package io.commerce.messaging;

import io.commerce.consent.ConsentChange;
import io.commerce.consent.ConsentService;
import io.commerce.consent.ConsentStatus;
import io.commerce.customer.CustomerProfile;
import io.commerce.customer.CustomerService;
import io.commerce.messaging.channel.InboundMessage;
import io.commerce.messaging.outbox.MessageRow;
import io.commerce.shared.CommerceException;
import io.commerce.shared.Purpose;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Takes a customer's message: stores it once (unknown numbers too, with no customer), opens or extends
 * the service window, links it to the message it answers, acts on opt-out and opt-in keywords (consent
 * with the message as evidence, and a confirmation in the customer's language), and publishes {@link
 * InboundMessageReceived} (with the message it answers, and whether it was a keyword): the conversation
 * module routes it from there (to a journey waiting for it, to agents, to the automatic answers).
 */
@Component
class InboundMessages {

    private static final Logger log = LoggerFactory.getLogger(InboundMessages.class);

    private final InboundLog inboundLog;
    private final ServiceWindow window;
    private final MessageReads reads;
    private final Keywords keywords;
    private final CustomerService customers;
    private final ConsentService consents;
    private final MessagingService messaging;
    private final ConsentWithdrawals withdrawals;
    private final ApplicationEventPublisher events;

    InboundMessages(
            InboundLog inboundLog,
            ServiceWindow window,
            MessageReads reads,
            Keywords keywords,
            CustomerService customers,
            ConsentService consents,
            MessagingService messaging,
            ConsentWithdrawals withdrawals,
            ApplicationEventPublisher events) {
        this.inboundLog = inboundLog;
        this.window = window;
        this.reads = reads;
        this.keywords = keywords;
        this.customers = customers;
        this.consents = consents;
        this.messaging = messaging;
        this.withdrawals = withdrawals;
        this.events = events;
    }

    /** Call inside a transaction. */
    void receive(InboundMessage inbound) {
        var customer =
                inbound.phone() == null ? Optional.<CustomerProfile>empty() : customers.findByPhone(inbound.phone());
        var repliedTo = inbound.contextMessageId() == null
                ? Optional.<MessageRow>empty()
                : reads.findByProviderId(inbound.contextMessageId());
        var stored = inboundLog.store(
                inbound,
                customer.map(CustomerProfile::customerId).orElse(null),
                repliedTo.map(MessageRow::id).orElse(null));
        if (stored.isEmpty()) {
            return; // a duplicate delivery: everything below already happened once
        }
        if (inbound.phone() != null) {
            window.opened(inbound.channel(), inbound.phone(), inbound.receivedAt());
        }
        var customerId = customer.map(CustomerProfile::customerId).orElse(null);
        var intent = customerId == null ? Optional.<Keywords.Intent>empty() : keywords.match(inbound.text());
        events.publishEvent(new InboundMessageReceived(
                stored.get(),
                customerId,
                inbound.channel(),
                inbound.providerMessageId(),
                inbound.type(),
                inbound.text(),
                inbound.receivedAt(),
                inbound.mediaId(),
                inbound.mimeType(),
                repliedTo.map(row -> row.id().toString()).orElse(null),
                intent.isPresent(),
                inbound.filename()));
        if (customerId == null) {
            log.info("kept a {} message from an unknown number", inbound.channel());
            return;
        }
        intent.ifPresent(keyword -> actOn(keyword, customerId, inbound));
    }

    /** Meta's {@code user_preferences} webhook: the customer stopped or resumed marketing in WhatsApp itself. */
    void preference(io.commerce.shared.Channel channel, String phone, boolean stop, String detail) {
        customers
                .findByPhone(phone)
                .ifPresent(customer -> consents.record(
                        customer.customerId(),
                        channel,
                        Purpose.MARKETING,
                        new ConsentChange(
                                stop ? ConsentStatus.WITHDRAWN : ConsentStatus.GRANTED,
                                "whatsapp-user-preferences",
                                detail)));
    }

    private void actOn(Keywords.Intent intent, String customerId, InboundMessage inbound) {
        var source = inbound.channel().name().toLowerCase() + "-keyword";
        var purposes = intent == Keywords.Intent.STOP_ALL
                ? List.of(Purpose.MARKETING, Purpose.TRANSACTIONAL)
                : List.of(Purpose.MARKETING);
        var status = intent == Keywords.Intent.START ? ConsentStatus.GRANTED : ConsentStatus.WITHDRAWN;
        // a withdrawal of marketing is settled before it is answered; its confirmation waits for that too
        var settles = status == ConsentStatus.WITHDRAWN
                && consents.isGranted(customerId, inbound.channel(), Purpose.MARKETING);
        purposes.forEach(purpose -> consents.record(
                customerId, inbound.channel(), purpose, new ConsentChange(status, source, inbound.text())));
        var confirmation = confirm(
                customerId, inbound, intent == Keywords.Intent.START ? "optin_confirmation" : "optout_confirmation");
        if (settles) {
            confirmation.ifPresent(id -> withdrawals.holdUntilSettled(id, inbound.channel()));
        }
    }

    private Optional<UUID> confirm(String customerId, InboundMessage inbound, String templateKey) {
        try {
            var sent = messaging.send(new SendCommand(
                    customerId,
                    Purpose.TRANSACTIONAL,
                    inbound.channel(),
                    new OutboundContent.Template(templateKey, Map.of()),
                    inbound.channel() == io.commerce.shared.Channel.WHATSAPP ? inbound.providerMessageId() : null));
            return Optional.of(UUID.fromString(sent.messageId()));
        } catch (CommerceException e) {
            log.info("no {} sent: {}", templateKey, e.getMessage());
            return Optional.empty();
        }
    }
}
