package io.commerce.messaging.intake;

import io.commerce.consent.ConsentChange;
import io.commerce.consent.ConsentService;
import io.commerce.consent.ConsentStatus;
import io.commerce.customer.CustomerService;
import io.commerce.messaging.InboundMessageReceived;
import io.commerce.messaging.InboundMessagesReceived;
import io.commerce.messaging.MessagingService;
import io.commerce.messaging.OutboundContent;
import io.commerce.messaging.SendCommand;
import io.commerce.messaging.channel.InboundMessage;
import io.commerce.messaging.guardrails.ServiceWindow;
import io.commerce.messaging.outbox.MessageReads;
import io.commerce.shared.CommerceException;
import io.commerce.shared.Purpose;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Takes customers' messages, a webhook batch's together: stores each once (unknown numbers too, with no
 * customer), opens or extends the service window, links it to the message it answers, acts on opt-out and
 * opt-in keywords (consent with the message as evidence, and a confirmation in the customer's language), and
 * publishes {@link InboundMessagesReceived} for the batch (each message with the message it answers, and
 * whether it was a keyword): the conversation module routes them from there (to a journey waiting for one, to
 * agents, to the automatic answers).
 */
@Component
public class InboundMessages {

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
    private final BeforeAnswering beforeAnswering;

    InboundMessages(
            InboundLog inboundLog,
            ServiceWindow window,
            MessageReads reads,
            Keywords keywords,
            CustomerService customers,
            ConsentService consents,
            MessagingService messaging,
            ConsentWithdrawals withdrawals,
            ApplicationEventPublisher events,
            BeforeAnswering beforeAnswering) {
        this.inboundLog = inboundLog;
        this.window = window;
        this.reads = reads;
        this.keywords = keywords;
        this.customers = customers;
        this.consents = consents;
        this.messaging = messaging;
        this.withdrawals = withdrawals;
        this.events = events;
        this.beforeAnswering = beforeAnswering;
    }

    /** A message received in a batch, with the list of its delivery's work before answering (null: none). */
    private record Pending(InboundMessage message, @Nullable List<Runnable> beforeAnswer) {}

    private final Gathered<Pending> batch = new Gathered<>(this::receiveAll);

    /**
     * Runs {@code work} (webhook processing, inside a transaction) collecting the messages it receives, then
     * takes them together: one statement each to find their customers, store them and open their windows,
     * instead of one each per message.
     */
    void collecting(Runnable work) {
        batch.during(work);
    }

    /** Takes a message now, or with its batch when called within {@link #collecting}; inside a transaction. */
    public void receive(InboundMessage inbound) {
        batch.offer(new Pending(inbound, beforeAnswering.current()));
    }

    private void receiveAll(List<Pending> pending) {
        var messages = pending.stream().map(Pending::message).toList();
        var customerIds = customers.customerIdsByPhone(distinct(messages, InboundMessage::phone));
        var repliedTo = reads.idsByProviderIds(distinct(messages, InboundMessage::contextMessageId));
        var stored = inboundLog.storeAll(messages.stream()
                .map(m -> new InboundLog.Arrival(
                        m,
                        customerId(customerIds, m),
                        m.contextMessageId() == null ? null : repliedTo.get(m.contextMessageId())))
                .toList());
        // a duplicate delivery (stored before, or twice in this batch) was taken once: nothing below again
        var taken = new HashSet<String>();
        var fresh = pending.stream()
                .filter(p -> stored.containsKey(p.message().providerMessageId())
                        && taken.add(p.message().providerMessageId()))
                .toList();
        window.opened(fresh.stream()
                .map(Pending::message)
                .filter(m -> m.phone() != null)
                .map(m -> new ServiceWindow.Heard(m.channel(), m.phone(), m.receivedAt()))
                .toList());
        // in its delivery's processing: a STOP settles before that delivery is answered
        var received = new ArrayList<InboundMessageReceived>();
        fresh.forEach(p -> beforeAnswering.within(p.beforeAnswer(), () -> {
            var m = p.message();
            received.add(received(
                    m,
                    stored.get(m.providerMessageId()),
                    customerId(customerIds, m),
                    m.contextMessageId() == null ? null : repliedTo.get(m.contextMessageId())));
        }));
        if (!received.isEmpty()) {
            events.publishEvent(new InboundMessagesReceived(received));
        }
    }

    /** A message stored now: a keyword acts on the customer's consent; what the conversation module hears of it. */
    private InboundMessageReceived received(
            InboundMessage inbound, long inboundId, @Nullable String customerId, @Nullable UUID repliedTo) {
        var intent = customerId == null ? Optional.<Keywords.Intent>empty() : keywords.match(inbound.text());
        var received = new InboundMessageReceived(
                inboundId,
                customerId,
                inbound.channel(),
                inbound.providerMessageId(),
                inbound.type(),
                inbound.text(),
                inbound.receivedAt(),
                inbound.mediaId(),
                inbound.mimeType(),
                repliedTo == null ? null : repliedTo.toString(),
                intent.isPresent(),
                inbound.filename());
        if (customerId == null) {
            log.info("kept a {} message from an unknown number", inbound.channel());
        } else {
            intent.ifPresent(keyword -> actOn(keyword, customerId, inbound));
        }
        return received;
    }

    private static @Nullable String customerId(Map<String, String> customerIds, InboundMessage message) {
        return message.phone() == null ? null : customerIds.get(message.phone());
    }

    private static Set<String> distinct(
            List<InboundMessage> messages, Function<InboundMessage, @Nullable String> value) {
        return messages.stream().map(value).filter(Objects::nonNull).collect(Collectors.toSet());
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
