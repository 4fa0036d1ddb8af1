package io.commerce.messaging;

import io.commerce.customer.CustomerProfile;
import io.commerce.customer.CustomerService;
import io.commerce.messaging.guardrails.ServiceWindow;
import io.commerce.messaging.intake.InboundLog;
import io.commerce.messaging.links.TrackedLinks;
import io.commerce.messaging.outbox.AudienceQueue;
import io.commerce.messaging.outbox.Cancellations;
import io.commerce.messaging.outbox.MessageFactsQuery;
import io.commerce.messaging.outbox.MessageReads;
import io.commerce.messaging.outbox.MessageViews;
import io.commerce.messaging.templates.TemplateCatalogue;
import io.commerce.shared.Audience;
import io.commerce.shared.Channel;
import io.commerce.shared.CommerceException;
import io.commerce.shared.InvalidValueException;
import io.commerce.shared.PageRequest;
import io.commerce.shared.Paged;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The messaging module's public face. {@link #send} decides whether a message may go and writes it to the
 * outbox in the caller's transaction; the dispatcher sends it later and webhooks track it to the end.
 */
@Service
public class MessagingService {

    private final CustomerService customers;
    private final TemplateCatalogue templates;
    private final MessageQueue queue;
    private final MessageReads reads;
    private final MessageViews views;
    private final Cancellations cancellations;
    private final InboundLog inbound;
    private final ServiceWindow window;
    private final AudienceQueue audiences;
    private final TrackedLinks links;
    private final MessageFactsQuery facts;
    private final Clock clock;

    MessagingService(
            CustomerService customers,
            TemplateCatalogue templates,
            MessageQueue queue,
            MessageReads reads,
            MessageViews views,
            Cancellations cancellations,
            InboundLog inbound,
            ServiceWindow window,
            AudienceQueue audiences,
            TrackedLinks links,
            MessageFactsQuery facts,
            Clock clock) {
        this.customers = customers;
        this.templates = templates;
        this.queue = queue;
        this.reads = reads;
        this.views = views;
        this.cancellations = cancellations;
        this.inbound = inbound;
        this.window = window;
        this.audiences = audiences;
        this.links = links;
        this.facts = facts;
        this.clock = clock;
    }

    /**
     * Queues a message after checking content limits, consent, the service window and country rules.
     *
     * @throws MessageRefusedException when the rules forbid it on every allowed channel
     */
    // refusals come before anything is written: they must not doom a caller's transaction (a journey step)
    @Transactional(noRollbackFor = CommerceException.class)
    public MessageView send(SendCommand command) {
        return queue.send(command);
    }

    /**
     * Runs {@code work} in the caller's transaction with the messages it queues through {@link #send} written
     * together when it returns, in one batch (one round trip instead of one per message): for callers that
     * queue many messages in one transaction, like the journey runner's groups of steps. Inside, reads of the
     * outbox still see every message queued before them.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void queueTogether(Runnable work) {
        queue.together(work);
    }

    /**
     * As {@link #queueTogether(Runnable)}, for messages to these customers (as the caller read them): they are
     * not read again, and their consents and service windows are read first, one query each (instead of
     * reads per message): for a caller answering many customers at once, like the router a webhook batch's messages.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void queueTogether(Map<String, CustomerProfile> customers, Runnable work) {
        queue.together(customers, work);
    }

    /** The template catalogue: what may be sent outside the service window, with its parameters. */
    public List<TemplateInfo> templates() {
        return templates.list();
    }

    /**
     * Checks a template for a bulk send before it is stored: it exists, has every parameter but {@code
     * firstName} (filled per customer), and has SMS text in every language when it is to go by SMS.
     *
     * @return the template's category
     * @throws UnknownTemplateException when the key is not in the catalogue
     * @throws TemplateParametersException when a parameter is missing
     */
    public MessageCategory checkTemplate(String key, Map<String, String> params, Channel channel) {
        var renditions = templates.renderEveryLanguage(key, TemplateCatalogue.NAMELESS_GREETING, params);
        if (channel == Channel.SMS) {
            renditions.languages().stream()
                    .filter(rendered -> rendered.smsText() == null)
                    .findFirst()
                    .ifPresent(rendered -> {
                        throw new InvalidValueException(
                                "channel", "template '%s' has no SMS text in '%s'".formatted(key, rendered.language()));
                    });
        }
        return renditions.languages().getFirst().category();
    }

    /**
     * Queues the template to every customer of the audience who may get it (active, with a phone, consent
     * on record for the channel and purpose), in the caller's transaction and one statement, each message
     * personalised with the customer's first name and language as {@link #send} would, and with the audience's
     * {@link Audience#values() values} (a customer without one of them is left out); the dispatcher
     * paces them and checks the rules and guardrails again before each send.
     *
     * @return how many messages were queued
     */
    @Transactional
    public int queueForAudience(AudienceSend send, Audience audience) {
        var placeholders = new HashMap<String, String>();
        placeholders.put(TemplateCatalogue.FIRST_NAME, AudienceQueue.placeholder(TemplateCatalogue.FIRST_NAME));
        audience.values().keySet().forEach(param -> placeholders.put(param, AudienceQueue.placeholder(param)));
        var params = new HashMap<>(send.params());
        params.putAll(placeholders);
        params.remove(TemplateCatalogue.FIRST_NAME);
        var renditions = templates.renderEveryLanguage(
                send.templateKey(), placeholders.get(TemplateCatalogue.FIRST_NAME), params);
        return audiences.queue(send, audience, renditions, placeholders, clock.instant());
    }

    /** The messages of one origin (a campaign) by status. */
    @Transactional(readOnly = true)
    public MessageCounts countByOrigin(Origin origin) {
        return reads.countByOrigin(origin);
    }

    /** Cancels the messages of one origin (a campaign) that are still queued; returns how many. */
    @Transactional
    public int cancelQueued(Origin origin, String reason) {
        return cancellations.cancelQueued(origin, reason, clock.instant());
    }

    /** The links behind tracked links' tokens (a message's {@code /r/{token}}), by token; unknown ones absent. */
    public Map<String, TrackedLink> trackedLinks(Collection<String> tokens) {
        return links.find(tokens);
    }

    /** What measuring these messages needs to know (origin, pricing, market, service window), in one query. */
    @Transactional(readOnly = true)
    public List<MessageFacts> facts(Collection<String> messageIds) {
        return facts.find(messageIds.stream().map(UUID::fromString).toList());
    }

    /** The messages the customer received or read from {@code from} to {@code to}, the latest first. */
    @Transactional(readOnly = true)
    public List<MessageSeen> seenBetween(String customerId, Instant from, Instant to) {
        return facts.seenBetween(customerId, from, to);
    }

    /** The latest message sent to the customer before {@code before} that carried {@code text} (a discount code). */
    @Transactional(readOnly = true)
    public Optional<String> lastCarrying(String customerId, String text, Instant before) {
        return facts.lastCarrying(customerId, text, before);
    }

    @Transactional(readOnly = true)
    public MessageView get(String messageId) {
        var view = views.find(messageId).orElseThrow(() -> new MessageNotFoundException(messageId));
        return view.withLinks(links.of(List.of(view.messageId())).getOrDefault(view.messageId(), List.of()));
    }

    @Transactional(readOnly = true)
    public Paged<MessageView> list(String customerId, MessageStatus status, PageRequest page) {
        var views = this.views.list(customerId, status, page);
        var tracked =
                links.of(views.items().stream().map(MessageView::messageId).toList());
        return views.map(view -> view.withLinks(tracked.getOrDefault(view.messageId(), List.of())));
    }

    /** Everything said between us and the customer, oldest first. */
    @Transactional(readOnly = true)
    public List<ConversationEntry> conversation(String customerId) {
        customers.requireExisting(customerId);
        var entries = new ArrayList<ConversationEntry>();
        reads.byCustomer(customerId).forEach(row -> entries.add(ConversationEntry.outbound(row)));
        entries.addAll(inbound.conversation(customerId));
        entries.sort(Comparator.comparing(ConversationEntry::at));
        return entries;
    }

    /** What we sent the customer on one channel from {@code from} (inclusive) to {@code to}, oldest first. */
    @Transactional(readOnly = true)
    public List<ConversationEntry> sentBetween(String customerId, Channel channel, Instant from, Instant to) {
        return reads.byCustomer(customerId, channel, from, to).stream()
                .map(ConversationEntry::outbound)
                .toList();
    }

    /** The messages customers sent with these ids, as stored, by id, in one query; unknown ids are absent. */
    @Transactional(readOnly = true)
    public Map<Long, InboundView> inbound(Collection<Long> inboundIds) {
        return inbound.find(inboundIds);
    }

    /** When the service window with this number closes on the channel; empty when it is closed. */
    @Transactional(readOnly = true)
    public Optional<Instant> serviceWindowClosesAt(Channel channel, String phone) {
        return window.closesAt(channel, phone);
    }
}
