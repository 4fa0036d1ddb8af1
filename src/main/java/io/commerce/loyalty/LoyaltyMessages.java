package io.commerce.loyalty;

import io.commerce.conversation.ReplyHandler;
import io.commerce.customer.CustomerProfile;
import io.commerce.messaging.MessageRefusedException;
import io.commerce.messaging.MessagingService;
import io.commerce.messaging.Origin;
import io.commerce.messaging.OutboundContent;
import io.commerce.messaging.SendCommand;
import io.commerce.promotion.DiscountKind;
import io.commerce.shared.Channel;
import io.commerce.shared.Purpose;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What loyalty says to customers: its templates (points available, points lapsing, the birthday offer) on the
 * channel the rules allow (WhatsApp, else SMS), and the words of its chat answers in the customer's language
 * ({@code i18n/loyalty*.properties}). A message the rules refuse (no consent, quiet hours…) is not sent; the
 * points stay in the ledger all the same.
 */
@Component
class LoyaltyMessages {

    static final String POINTS_AVAILABLE = "loyalty_points_available";
    static final String POINTS_EXPIRING = "loyalty_points_expiring";
    static final String BIRTHDAY = "loyalty_birthday";

    private static final Logger log = LoggerFactory.getLogger(LoyaltyMessages.class);

    private final MessagingService messaging;
    private final MessageSource words;

    LoyaltyMessages(MessagingService messaging, MessageSource words) {
        this.messaging = messaging;
        this.words = words;
    }

    /** Sends one of loyalty's templates for its purpose; false when the rules refuse it. */
    boolean sendTemplate(String customerId, String key, Purpose purpose, Map<String, String> params) {
        return send(
                customerId,
                purpose,
                null,
                new OutboundContent.Template(key, params),
                new Origin("loyalty/" + key.substring("loyalty_".length()), null));
    }

    /** Answers in the chat on the channel the customer wrote on. */
    boolean answer(String customerId, Channel channel, OutboundContent content) {
        return send(customerId, Purpose.TRANSACTIONAL, channel, content, ReplyHandler.answering("loyalty"));
    }

    String say(String key, Locale language, Object... args) {
        return words.getMessage("loyalty." + key, args, language);
    }

    static Locale locale(CustomerProfile customer) {
        return Locale.forLanguageTag(customer.language());
    }

    /** A date as the customer reads it: in their language and time zone. */
    static String date(Instant at, CustomerProfile customer) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(locale(customer))
                .withZone(ZoneId.of(customer.timezone()))
                .format(at);
    }

    /** A discount as a template parameter: "10 %" or "5.00 EUR". */
    static String discount(DiscountKind kind, BigDecimal value, @Nullable String currency) {
        return kind == DiscountKind.PERCENT
                ? value.stripTrailingZeros().toPlainString() + " %"
                : value.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " " + currency;
    }

    private boolean send(
            String customerId, Purpose purpose, @Nullable Channel channel, OutboundContent content, Origin origin) {
        try {
            messaging.send(new SendCommand(customerId, purpose, channel, content, null, origin));
            return true;
        } catch (MessageRefusedException refused) {
            log.info("loyalty message {} not sent: {}", origin.label(), refused.code());
            return false;
        }
    }
}
