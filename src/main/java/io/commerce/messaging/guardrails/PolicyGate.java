package io.commerce.messaging.guardrails;

import io.commerce.consent.ConsentService;
import io.commerce.messaging.MessageCategory;
import io.commerce.messaging.OutboundContent;
import io.commerce.messaging.channel.Channels;
import io.commerce.shared.Channel;
import io.commerce.shared.Purpose;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The rules a message must pass when it is asked for and again right before it is sent: consent for the
 * channel and purpose (transactional messages may also ride an open service window), WhatsApp free-form
 * only inside the service window, no marketing templates where Meta blocks them, and only content the
 * channel can carry.
 */
@Component
public class PolicyGate {

    /** Why a message may not go, with the stable code the API answers. */
    public record Refusal(String code, String detail) {}

    private final ConsentService consents;
    private final ServiceWindow window;
    private final Channels channels;
    private final Clock clock;
    private final Facts live;

    PolicyGate(ConsentService consents, ServiceWindow window, Channels channels, Clock clock) {
        this.consents = consents;
        this.window = window;
        this.channels = channels;
        this.clock = clock;
        this.live = new Facts() {
            @Override
            public boolean consented(String customerId, Channel channel, Purpose purpose) {
                return consents.isGranted(customerId, channel, purpose);
            }

            @Override
            public boolean windowOpen(Channel channel, String phone) {
                return window.isOpen(channel, phone);
            }

            @Override
            public boolean heardFromWithin(Channel channel, String phone, Duration within) {
                return window.heardFromWithin(channel, phone, within);
            }
        };
    }

    /**
     * What the rules need to know about these customers and numbers, read in two statements (their grants,
     * and when the numbers last wrote within the service window or {@code heardWithin}, the longer).
     */
    public Facts factsAbout(Collection<String> customerIds, Collection<String> phones, Duration heardWithin) {
        var readWithin = heardWithin.compareTo(window.length()) > 0 ? heardWithin : window.length();
        return new Facts.Known(
                consents.grantsOf(customerIds),
                window.lastHeardAmong(phones, readWithin),
                readWithin,
                window.length(),
                clock.instant());
    }

    /**
     * Runs {@code work} with the consents of these customers and the service windows of these numbers read
     * first, one statement each, for the {@link #check}s made inside: for a caller queueing messages to many
     * customers in one transaction.
     */
    public void readTogether(Collection<String> customerIds, Collection<String> phones, Runnable work) {
        consents.readTogether(customerIds, () -> window.readTogether(phones, work));
    }

    /** The rules for one message, each fact read from the database when a rule needs it. */
    public Optional<Refusal> check(
            String customerId,
            String phone,
            Channel channel,
            Purpose purpose,
            MessageCategory category,
            OutboundContent content,
            boolean hasSmsText) {
        return check(customerId, phone, channel, purpose, category, content, hasSmsText, live);
    }

    /** The rules for one message, asking {@code facts}. */
    public Optional<Refusal> check(
            String customerId,
            String phone,
            Channel channel,
            Purpose purpose,
            MessageCategory category,
            OutboundContent content,
            boolean hasSmsText,
            Facts facts) {
        if (phone == null) {
            return Optional.of(new Refusal("NO_PHONE_NUMBER", "the customer has no phone number"));
        }
        if (channel == Channel.SMS && !hasSmsText) {
            return Optional.of(new Refusal(
                    "UNSUPPORTED_ON_CHANNEL",
                    "this content cannot be sent by SMS (only text and templates with SMS text)"));
        }
        // the window is looked up only when it matters: free-form on WhatsApp, or no consent on record
        var windowOpen = new Lazy(() -> facts.windowOpen(channel, phone));
        if (channel == Channel.WHATSAPP && content.isFreeForm() && !windowOpen.get()) {
            return Optional.of(new Refusal(
                    "SERVICE_WINDOW_CLOSED",
                    "free-form WhatsApp messages are only allowed within 24 h of the customer's last message;"
                            + " send a template instead"));
        }
        // a transactional message may ride an open window; when the window was read already, it is asked first
        var windowCarries = purpose == Purpose.TRANSACTIONAL;
        var consented = (windowCarries && windowOpen.answered() && windowOpen.get())
                || facts.consented(customerId, channel, purpose)
                || (windowCarries && windowOpen.get());
        if (!consented) {
            return Optional.of(new Refusal(
                    "CONSENT_REQUIRED",
                    "the customer has not granted %s consent for %s".formatted(lower(purpose), lower(channel))));
        }
        if (category == MessageCategory.MARKETING
                && channels.settings(channel).marketingBlockedCountryCodes().stream()
                        .anyMatch(phone::startsWith)) {
            return Optional.of(new Refusal(
                    "MARKETING_BLOCKED_IN_COUNTRY", "Meta does not deliver marketing templates to this country"));
        }
        return Optional.empty();
    }

    /** The channel chosen for a message, or, when none allows it, the first candidate's refusal. */
    public record Choice(
            @Nullable Channel channel, @Nullable Refusal refusal) {}

    /** The first of the candidate channels the rules allow the message on. */
    public Choice firstAllowed(
            List<Channel> candidates,
            String customerId,
            String phone,
            Purpose purpose,
            MessageCategory category,
            OutboundContent content,
            boolean hasSmsText) {
        Refusal first = null;
        for (var channel : candidates) {
            var refusal = check(customerId, phone, channel, purpose, category, content, hasSmsText);
            if (refusal.isEmpty()) {
                return new Choice(channel, null);
            }
            if (first == null) {
                first = refusal.get();
            }
        }
        return new Choice(null, first);
    }

    /** A yes-or-no asked of the database at most once. */
    private static final class Lazy {
        private final java.util.function.BooleanSupplier question;
        private Boolean answer;

        Lazy(java.util.function.BooleanSupplier question) {
            this.question = question;
        }

        boolean answered() {
            return answer != null;
        }

        boolean get() {
            if (answer == null) {
                answer = question.getAsBoolean();
            }
            return answer;
        }
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
