package io.commerce.journey.journeys;

import io.commerce.consent.ConsentChange;
import io.commerce.consent.ConsentGranted;
import io.commerce.consent.ConsentService;
import io.commerce.consent.ConsentStatus;
import io.commerce.customer.CustomerService;
import io.commerce.journey.engine.Enroller;
import io.commerce.journey.engine.Enrollment;
import io.commerce.journey.engine.Journey;
import io.commerce.journey.engine.JourneySettings;
import io.commerce.journey.engine.Step;
import io.commerce.messaging.MessagingService;
import io.commerce.messaging.OutboundContent;
import io.commerce.messaging.SendCommand;
import io.commerce.promotion.PromotionService;
import io.commerce.shared.Channel;
import io.commerce.shared.Purpose;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Discovery: a customer who allows offers by SMS but not on WhatsApp is invited by SMS (template {@code
 * newsletter_invite}, marketing) to get them on WhatsApp. A yes ({@code YES}, {@code SI}, {@code JA}, or the
 * WhatsApp button) is recorded as WhatsApp marketing consent with the answer as evidence and rewarded with a
 * unique welcome code on WhatsApp ({@code welcome_code}): the conversion. Any other answer, or none, ends it.
 * Once per customer: the trigger is the customer's first SMS marketing grant.
 */
@Component
class NewsletterJourney implements Journey {

    static final String NAME = "newsletter";
    static final String CONSENT_SOURCE = "newsletter-sms-optin";
    static final String YES_BUTTON = "NEWSLETTER_YES";

    private static final int INVITE = 0;
    private static final int ANSWER = 1;
    private static final int WELCOME = 2;

    private final Enroller enroller;
    private final ConsentService consents;
    private final CustomerService customers;
    private final PromotionService promotions;
    private final MessagingService messaging;
    private final NewsletterProperties properties;
    private final Set<String> yesAnswers;

    NewsletterJourney(
            Enroller enroller,
            ConsentService consents,
            CustomerService customers,
            PromotionService promotions,
            MessagingService messaging,
            NewsletterProperties properties) {
        this.enroller = enroller;
        this.consents = consents;
        this.customers = customers;
        this.promotions = promotions;
        this.messaging = messaging;
        this.properties = properties;
        this.yesAnswers = properties.yesAnswers().stream()
                .map(NewsletterJourney::normalize)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String stage() {
        return "discovery";
    }

    @Override
    public JourneySettings settings() {
        return properties;
    }

    @ApplicationModuleListener
    void on(ConsentGranted granted) {
        if (granted.channel() == Channel.SMS && granted.purpose() == Purpose.MARKETING) {
            enroller.enroll(this, granted.customerId(), granted.customerId(), Map.of(), properties.inviteDelay());
        }
    }

    @Override
    public Step run(Enrollment enrollment) {
        return switch (enrollment.step()) {
            case INVITE -> invite(enrollment);
            case ANSWER -> answer(enrollment);
            case WELCOME -> welcome(enrollment);
            default -> throw new IllegalStateException("no step " + enrollment.step() + " in " + NAME);
        };
    }

    private Step invite(Enrollment enrollment) {
        if (consents.isGranted(enrollment.customerId(), Channel.WHATSAPP, Purpose.MARKETING)) {
            return Step.exit("ALREADY_SUBSCRIBED");
        }
        var invitation = messaging.send(new SendCommand(
                enrollment.customerId(),
                Purpose.MARKETING,
                Channel.SMS,
                new OutboundContent.Template("newsletter_invite", Map.of()),
                null,
                enrollment.origin()));
        return Step.awaitReply(
                ANSWER,
                properties.answerTimeout(),
                invitation.messageId(),
                Map.of("invitationId", invitation.messageId()));
    }

    /** A yes is consent, recorded in this step so that a refused welcome cannot undo it. */
    private Step answer(Enrollment enrollment) {
        var answer = enrollment.reply().filter(this::isYes);
        if (answer.isEmpty()) {
            return Step.complete("NO_OPT_IN");
        }
        var evidence = "answered \"%s\" to the newsletter invitation (message %s)"
                .formatted(answer.get(), enrollment.get("invitationId"));
        consents.record(
                enrollment.customerId(),
                Channel.WHATSAPP,
                Purpose.MARKETING,
                new ConsentChange(ConsentStatus.GRANTED, CONSENT_SOURCE, evidence));
        return Step.next(WELCOME, Duration.ZERO);
    }

    private Step welcome(Enrollment enrollment) {
        var customer = customers.get(enrollment.customerId());
        var code = promotions.issue(
                properties.welcomeDiscount().issue(customer.customerId(), NAME, properties.codeValidFor()));
        var params = Map.of(
                "discountCode", code.code(),
                "discountValue", DiscountOffer.value(code, customer.language()),
                "minimumSpend", DiscountOffer.minimumSpend(code, customer.language()));
        messaging.send(new SendCommand(
                customer.customerId(),
                Purpose.MARKETING,
                Channel.WHATSAPP,
                new OutboundContent.Template("welcome_code", params),
                null,
                enrollment.origin()));
        return Step.converted("OPTED_IN");
    }

    private boolean isYes(String answer) {
        return answer.equals(YES_BUTTON) || yesAnswers.contains(normalize(answer));
    }

    /** As messaging matches keywords: the whole message, any case, surrounding punctuation and spaces ignored. */
    private static String normalize(String text) {
        return text.strip()
                .replaceAll("[\\p{Punct}¡¿]+$", "")
                .replaceAll("^[\\p{Punct}¡¿]+", "")
                .strip()
                .toUpperCase(Locale.ROOT);
    }
}
