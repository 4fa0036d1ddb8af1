package io.commerce.journey.journeys;

import io.commerce.conversation.FeedbackReason;
import io.commerce.messaging.OutboundContent;
import io.commerce.messaging.OutboundContent.Button;
import io.commerce.messaging.OutboundContent.Buttons;
import io.commerce.messaging.OutboundContent.CtaUrl;
import io.commerce.messaging.OutboundContent.ListMenu;
import io.commerce.messaging.OutboundContent.Row;
import io.commerce.messaging.OutboundContent.Section;
import io.commerce.messaging.OutboundContent.Template;
import io.commerce.messaging.OutboundContent.Text;
import io.commerce.shared.Channel;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every word of the delivery-feedback conversation after the rating question, in English, Spanish and
 * Dutch (other languages get English), each message shaped for the channel the customer answered on:
 * interactive on WhatsApp (the service window is open, the customer just wrote), numbered or YES/NO text on
 * SMS. Kept in one place so translations are reviewed together; titles stay within WhatsApp's limits
 * (button 20, list row 24 characters), which a test checks through {@code ContentLimits}.
 */
final class FeedbackMessages {

    /** One language's words; {@code {name}} becomes ", <first name>" or nothing. */
    record Words(
            String reviewBody,
            String reviewButton,
            String reasonBody,
            String reasonButton,
            String shipping,
            String quality,
            String service,
            String replyWithNumber,
            String agentBody,
            String agentYes,
            String agentNo,
            String replyYesOrNo,
            String handoffConfirmation,
            String thanks,
            String ratingAgain) {}

    static final String REVIEW_TEMPLATE = "review_request";

    static final Map<String, Words> WORDS = Map.of(
            "en",
            new Words(
                    "Glad you liked it{name}! Would you review {product}?",
                    "Write a review",
                    "Sorry to hear that{name}. What went wrong?",
                    "Choose a reason",
                    "Shipping",
                    "Product quality",
                    "Service",
                    "Reply with a number:",
                    "Thanks for telling us. Would you like to talk to a person?",
                    "Yes, please",
                    "No, thanks",
                    "Reply YES or NO.",
                    "Thank you. A colleague will get back to you here soon.",
                    "Thank you for your feedback!",
                    "Sorry, we did not get that. Please reply with a number from 1 (poor) to 5 (great)."),
            "es",
            new Words(
                    "¡Nos alegra que te gustara{name}! ¿Nos dejas una reseña de {product}?",
                    "Escribir reseña",
                    "Lamentamos oír eso{name}. ¿Qué salió mal?",
                    "Elige un motivo",
                    "Envío",
                    "Calidad del producto",
                    "Atención al cliente",
                    "Responde con un número:",
                    "Gracias por contárnoslo. ¿Quieres hablar con una persona?",
                    "Sí, por favor",
                    "No, gracias",
                    "Responde SÍ o NO.",
                    "Gracias. Un compañero te responderá aquí pronto.",
                    "¡Gracias por tu opinión!",
                    "Perdona, no lo hemos entendido. Responde con un número del 1 (mal) al 5 (genial)."),
            "nl",
            new Words(
                    "Fijn dat je tevreden bent{name}! Wil je {product} beoordelen?",
                    "Review schrijven",
                    "Wat vervelend{name}. Wat ging er mis?",
                    "Kies een reden",
                    "Verzending",
                    "Productkwaliteit",
                    "Klantenservice",
                    "Antwoord met een cijfer:",
                    "Bedankt dat je het laat weten. Wil je met iemand praten?",
                    "Ja, graag",
                    "Nee, bedankt",
                    "Antwoord JA of NEE.",
                    "Dank je. Een collega neemt hier snel contact met je op.",
                    "Bedankt voor je feedback!",
                    "Sorry, dat begrepen we niet. Antwoord met een cijfer van 1 (slecht) tot 5 (super)."));

    private final Words words;
    private final String firstName;

    FeedbackMessages(String language, String firstName) {
        this.words = WORDS.getOrDefault(primary(language), WORDS.get("en"));
        this.firstName = firstName;
    }

    /**
     * A link to review the product: a "Write a review" button on WhatsApp, the {@code review_request}
     * template's text by SMS.
     */
    OutboundContent reviewRequest(Channel channel, String productName, String productUrl) {
        if (channel == Channel.SMS) {
            return new Template(REVIEW_TEMPLATE, Map.of("productName", productName, "reviewUrl", productUrl));
        }
        var body = named(words.reviewBody()).replace("{product}", productName);
        return new CtaUrl(null, null, body, null, words.reviewButton(), productUrl);
    }

    /** What went wrong: a list of the reasons on WhatsApp, numbered options by SMS. */
    OutboundContent reasonQuestion(Channel channel) {
        var body = named(words.reasonBody());
        if (channel == Channel.SMS) {
            return text(body + "\n" + words.replyWithNumber() + "\n1 " + words.shipping() + "\n2 " + words.quality()
                    + "\n3 " + words.service());
        }
        var rows = List.of(
                new Row(FeedbackReason.SHIPPING.rowId(), words.shipping(), null),
                new Row(FeedbackReason.QUALITY.rowId(), words.quality(), null),
                new Row(FeedbackReason.SERVICE.rowId(), words.service(), null));
        return new ListMenu(null, body, null, words.reasonButton(), List.of(new Section(null, rows)));
    }

    /** Would you like to talk to a person: two buttons on WhatsApp, YES or NO by SMS. */
    OutboundContent agentOffer(Channel channel) {
        if (channel == Channel.SMS) {
            return text(words.agentBody() + " " + words.replyYesOrNo());
        }
        return new Buttons(
                null,
                null,
                words.agentBody(),
                null,
                List.of(
                        new Button(FeedbackAnswers.AGENT_YES, words.agentYes()),
                        new Button(FeedbackAnswers.AGENT_NO, words.agentNo())));
    }

    OutboundContent handoffConfirmation() {
        return text(words.handoffConfirmation());
    }

    OutboundContent thanks() {
        return text(words.thanks());
    }

    OutboundContent ratingAgain() {
        return text(words.ratingAgain());
    }

    private String named(String sentence) {
        return sentence.replace("{name}", firstName == null || firstName.isBlank() ? "" : ", " + firstName);
    }

    private static Text text(String body) {
        return new Text(body, false);
    }

    private static String primary(String language) {
        if (language == null) {
            return "en";
        }
        var dash = language.indexOf('-');
        return (dash < 0 ? language : language.substring(0, dash)).toLowerCase(Locale.ROOT);
    }
}
