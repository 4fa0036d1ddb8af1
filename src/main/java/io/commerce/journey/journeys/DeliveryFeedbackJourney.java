package io.commerce.journey.journeys;

import io.commerce.catalog.CatalogService;
import io.commerce.conversation.ConversationService;
import io.commerce.conversation.FeedbackReason;
import io.commerce.customer.CustomerService;
import io.commerce.journey.engine.Enroller;
import io.commerce.journey.engine.Enrollment;
import io.commerce.journey.engine.Journey;
import io.commerce.journey.engine.JourneyMetrics;
import io.commerce.journey.engine.JourneySettings;
import io.commerce.journey.engine.Step;
import io.commerce.messaging.MessageRefusedException;
import io.commerce.messaging.MessagingService;
import io.commerce.messaging.OutboundContent;
import io.commerce.messaging.SendCommand;
import io.commerce.order.OrderDelivered;
import io.commerce.order.OrderService;
import io.commerce.order.OrderStatus;
import io.commerce.shared.Channel;
import io.commerce.shared.Purpose;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Post-purchase: a while after delivery the customer is asked to rate the order from 1 to 5 (template
 * {@code delivery_feedback}, transactional, with quick-reply buttons; by SMS a number). The rating is kept.
 * A 4 or 5 gets a link to review the first product (marketing); a 1 to 3 gets a choice of reasons, then the
 * offer of a person, and a "yes" opens a handoff for an agent. Every answer is followed up on the channel
 * it came on, while the service window it opened lasts. One enrollment per order; a cancelled order ends
 * it before the question.
 */
@Component
class DeliveryFeedbackJourney implements Journey {

    static final String NAME = "delivery_feedback";

    static final int ASK = 0;
    static final int RATING = 1;
    static final int REASON = 2;
    static final int AGENT = 3;

    private static final String ORDER_ID = "orderId";
    private static final String RATING_GIVEN = "rating";
    private static final String REASON_GIVEN = "reason";
    private static final String ASKED_AGAIN = "ratingAskedAgain";

    private final Enroller enroller;
    private final OrderService orders;
    private final CatalogService catalog;
    private final CustomerService customers;
    private final MessagingService messaging;
    private final ConversationService conversations;
    private final JourneyMetrics metrics;
    private final DeliveryFeedbackProperties properties;
    private final Clock clock;

    DeliveryFeedbackJourney(
            Enroller enroller,
            OrderService orders,
            CatalogService catalog,
            CustomerService customers,
            MessagingService messaging,
            ConversationService conversations,
            JourneyMetrics metrics,
            DeliveryFeedbackProperties properties,
            Clock clock) {
        this.enroller = enroller;
        this.orders = orders;
        this.catalog = catalog;
        this.customers = customers;
        this.messaging = messaging;
        this.conversations = conversations;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String stage() {
        return "post-purchase";
    }

    @Override
    public JourneySettings settings() {
        return properties;
    }

    /** The question is due {@code ask-after} the delivery (at once when the delivery was reported late). */
    @ApplicationModuleListener
    void on(OrderDelivered delivered) {
        var delay = Duration.between(clock.instant(), delivered.deliveredAt().plus(properties.askAfter()));
        enroller.enroll(
                this,
                delivered.orderId(),
                delivered.customerId(),
                Map.of(ORDER_ID, delivered.orderId()),
                delay.isNegative() ? Duration.ZERO : delay);
    }

    @Override
    public Step run(Enrollment enrollment) {
        return switch (enrollment.step()) {
            case ASK -> ask(enrollment);
            case RATING -> rated(enrollment);
            case REASON -> explained(enrollment);
            case AGENT -> answeredOffer(enrollment);
            default -> throw new IllegalStateException("delivery feedback has no step " + enrollment.step());
        };
    }

    private Step ask(Enrollment enrollment) {
        var orderId = enrollment.get(ORDER_ID);
        if (orders.get(orderId).status() == OrderStatus.CANCELLED) {
            return Step.exit("ORDER_CANCELLED");
        }
        var question = messaging.send(new SendCommand(
                enrollment.customerId(),
                Purpose.TRANSACTIONAL,
                null,
                new OutboundContent.Template(NAME, Map.of(ORDER_ID, orderId)),
                null,
                enrollment.origin()));
        return Step.awaitReply(RATING, properties.ratingTimeout(), question.messageId());
    }

    /** A rating is kept; words that hold none are asked about once more, then the enrollment gives up. */
    private Step rated(Enrollment enrollment) {
        if (enrollment.reply().isEmpty()) {
            return Step.exit("NO_RATING");
        }
        var channel = replyChannel(enrollment);
        var say = messagesFor(enrollment);
        var rating = FeedbackAnswers.rating(enrollment.get(Enrollment.REPLY), enrollment.get(Enrollment.REPLY_TEXT));
        if (rating.isEmpty()) {
            if (enrollment.get(ASKED_AGAIN) != null) {
                return Step.exit("UNREADABLE_RATING");
            }
            return send(
                    enrollment,
                    channel,
                    Purpose.TRANSACTIONAL,
                    say.ratingAgain(),
                    sent -> Step.awaitReply(RATING, properties.ratingTimeout(), sent, Map.of(ASKED_AGAIN, "true")),
                    Step::exit);
        }
        var orderId = enrollment.get(ORDER_ID);
        conversations.rateOrder(orderId, enrollment.customerId(), rating.get(), channel);
        if (rating.get() >= 4) {
            return requestReview(enrollment, channel, say, orderId);
        }
        return send(
                enrollment,
                channel,
                Purpose.TRANSACTIONAL,
                say.reasonQuestion(channel),
                sent -> Step.awaitReply(
                        REASON,
                        properties.reasonTimeout(),
                        sent,
                        Map.of(RATING_GIVEN, rating.get().toString())),
                Step::exit);
    }

    /** A happy customer is asked for a review of the order's first product: marketing, so its consent applies. */
    private Step requestReview(Enrollment enrollment, Channel channel, FeedbackMessages say, String orderId) {
        var lines = orders.get(orderId).lines();
        if (lines.isEmpty()) {
            return Step.complete();
        }
        var product = catalog.get(lines.getFirst().productId());
        if (product.url() == null) {
            return Step.complete();
        }
        return send(
                enrollment,
                channel,
                Purpose.MARKETING,
                say.reviewRequest(channel, product.title(), product.url()),
                sent -> Step.converted("REVIEW_REQUESTED"),
                Step::exit);
    }

    /** The reason chosen (or the customer's own words, kept as {@code OTHER}), then the offer of a person. */
    private Step explained(Enrollment enrollment) {
        if (enrollment.reply().isEmpty()) {
            return Step.exit("NO_REASON");
        }
        var text = enrollment.get(Enrollment.REPLY_TEXT);
        var chosen = FeedbackAnswers.reason(enrollment.get(Enrollment.REPLY), text);
        var reason = chosen.orElse(FeedbackReason.OTHER);
        conversations.explainRating(enrollment.get(ORDER_ID), reason, chosen.isEmpty() ? text : null);
        var channel = replyChannel(enrollment);
        return send(
                enrollment,
                channel,
                Purpose.TRANSACTIONAL,
                messagesFor(enrollment).agentOffer(channel),
                sent -> Step.awaitReply(
                        AGENT, properties.agentOfferTimeout(), sent, Map.of(REASON_GIVEN, reason.name())),
                Step::exit);
    }

    /** "Yes" opens a handoff for an agent; "no" (or anything else) gets thanks; silence ends quietly. */
    private Step answeredOffer(Enrollment enrollment) {
        if (enrollment.reply().isEmpty()) {
            return Step.complete();
        }
        var say = messagesFor(enrollment);
        var channel = replyChannel(enrollment);
        if (!FeedbackAnswers.wantsAgent(enrollment.get(Enrollment.REPLY), enrollment.get(Enrollment.REPLY_TEXT))) {
            return send(
                    enrollment,
                    channel,
                    Purpose.TRANSACTIONAL,
                    say.thanks(),
                    sent -> Step.complete(),
                    refused -> Step.complete());
        }
        var reason = FeedbackReason.valueOf(enrollment.get(REASON_GIVEN));
        conversations.handOff(
                enrollment.customerId(),
                channel,
                enrollment.get(ORDER_ID),
                Integer.parseInt(enrollment.get(RATING_GIVEN)),
                reason);
        metrics.handoff(reason.name().toLowerCase(Locale.ROOT)); // counted once the step commits
        // the handoff stands even if the confirmation may not go: an agent will reach out
        return send(
                enrollment,
                channel,
                Purpose.TRANSACTIONAL,
                say.handoffConfirmation(),
                sent -> Step.complete(),
                refused -> Step.complete());
    }

    /**
     * Sends a follow-up on the channel the customer answered on. A refusal (no consent, the window closed)
     * does not roll back what the step stored: {@code onRefused} decides what comes next from its code.
     */
    private Step send(
            Enrollment enrollment,
            Channel channel,
            Purpose purpose,
            OutboundContent content,
            Function<String, Step> onSent,
            Function<String, Step> onRefused) {
        try {
            var message = messaging.send(
                    new SendCommand(enrollment.customerId(), purpose, channel, content, null, enrollment.origin()));
            return onSent.apply(message.messageId());
        } catch (MessageRefusedException refused) {
            return onRefused.apply(refused.code());
        }
    }

    private FeedbackMessages messagesFor(Enrollment enrollment) {
        return customers
                .find(enrollment.customerId())
                .map(customer -> new FeedbackMessages(customer.language(), customer.firstName()))
                .orElseGet(() -> new FeedbackMessages(null, null));
    }

    private static Channel replyChannel(Enrollment enrollment) {
        return enrollment.replyChannel().orElse(Channel.WHATSAPP);
    }
}
