package io.commerce.messaging;

import io.commerce.customer.CustomerNotFoundException;
import io.commerce.customer.CustomerProfile;
import io.commerce.customer.CustomerService;
import io.commerce.messaging.OutboundContent.Template;
import io.commerce.messaging.OutboundContent.Text;
import io.commerce.messaging.guardrails.ContentLimits;
import io.commerce.messaging.guardrails.PolicyGate;
import io.commerce.messaging.outbox.MessageRow;
import io.commerce.messaging.outbox.Outbox;
import io.commerce.messaging.templates.RenderedTemplate;
import io.commerce.messaging.templates.TemplateCatalogue;
import io.commerce.shared.Channel;
import io.commerce.shared.ReadTogether;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Queues one message at a time, as {@link MessagingService#send} promises: the customer read (or taken from those a
 * caller read together), the content checked and rendered in their language with the facts a template wants, the
 * first channel the rules allow, and the row written to the outbox in the caller's transaction.
 */
@Component
class MessageQueue {

    private final CustomerService customers;
    private final TemplateCatalogue templates;
    private final ContentLimits limits;
    private final PolicyGate policy;
    private final Outbox outbox;
    private final List<CustomerFacts> customerFacts;
    private final Clock clock;
    private final ReadTogether<String, CustomerProfile> recipients;

    MessageQueue(
            CustomerService customers,
            TemplateCatalogue templates,
            ContentLimits limits,
            PolicyGate policy,
            Outbox outbox,
            List<CustomerFacts> customerFacts,
            Clock clock) {
        this.customers = customers;
        this.templates = templates;
        this.limits = limits;
        this.policy = policy;
        this.outbox = outbox;
        this.customerFacts = List.copyOf(customerFacts);
        this.clock = clock;
        this.recipients = new ReadTogether<>(customers::findAll);
    }

    /** @throws MessageRefusedException when the rules forbid it on every allowed channel */
    MessageView send(SendCommand command) {
        // not customers.get: an exception out of a transactional call would doom a caller's transaction
        var customer = recipients
                .get(command.customerId(), () -> customers.find(command.customerId()))
                .orElseThrow(() -> new CustomerNotFoundException(command.customerId()));
        limits.check(command.content());
        var content = command.content();
        RenderedTemplate rendered = null;
        if (content instanceof Template template) {
            rendered = templates.render(
                    template.key(),
                    customer.language(),
                    customer.firstName(),
                    withFacts(template, customer.customerId()));
            content = new Template(template.key(), rendered.params());
        }
        var smsText = rendered != null ? rendered.smsText() : content instanceof Text text ? text.body() : null;
        var category = rendered != null ? rendered.category() : MessageCategory.SERVICE;
        var choice = policy.firstAllowed(
                command.channel() != null ? List.of(command.channel()) : List.of(Channel.WHATSAPP, Channel.SMS),
                customer.customerId(),
                customer.phone(),
                command.purpose(),
                category,
                content,
                smsText != null);
        if (choice.channel() == null) {
            throw new MessageRefusedException(choice.refusal());
        }
        var channel = choice.channel();
        var row = MessageRow.queued(
                customer.customerId(),
                channel,
                command.purpose(),
                category,
                customer.phone(),
                customer.timezone(),
                rendered != null ? rendered.language() : customer.language(),
                rendered != null ? rendered.key() : null,
                content,
                smsText,
                command.replyTo(),
                command.origin(),
                null,
                clock.instant());
        outbox.insert(row);
        return row.view(List.of(new MessageView.StatusEntry(MessageStatus.QUEUED, row.createdAt())));
    }

    /** The template's parameters, with those it declares and the sender left out asked of {@link CustomerFacts}. */
    private Map<String, String> withFacts(Template template, String customerId) {
        var given = template.params() == null ? Map.<String, String>of() : template.params();
        var wanted = new HashSet<>(templates.paramsOf(template.key()));
        wanted.removeAll(given.keySet());
        wanted.remove(TemplateCatalogue.FIRST_NAME);
        if (wanted.isEmpty()) {
            return given;
        }
        var params = new HashMap<>(given);
        customerFacts.forEach(facts -> facts.of(customerId, Set.copyOf(wanted)).forEach(params::putIfAbsent));
        return params;
    }

    /** Runs {@code work} with the messages it queues written together when it returns. */
    void together(Runnable work) {
        outbox.together(work);
    }

    /** As {@link #together(Runnable)}, for messages to these customers, read once with their consents and windows. */
    void together(Map<String, CustomerProfile> customers, Runnable work) {
        var phones = customers.values().stream()
                .map(CustomerProfile::phone)
                .filter(Objects::nonNull)
                .toList();
        recipients.with(customers, () -> policy.readTogether(customers.keySet(), phones, () -> outbox.together(work)));
    }
}
