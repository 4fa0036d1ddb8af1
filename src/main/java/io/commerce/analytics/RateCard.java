package io.commerce.analytics;

import io.commerce.messaging.MessageCategory;
import io.commerce.messaging.MessageFacts;
import io.commerce.shared.Channel;
import io.commerce.shared.PhoneNumber;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a message costs, from the dated rate card kept in {@code rate_card}: on WhatsApp a delivered template
 * message by its category (the one Meta reported charging, else ours) and the recipient's market; free-form
 * messages and utility templates inside the customer service window are free. An SMS costs its segments times
 * the market's price. The row with the latest {@code valid_from} on or before the message's day applies; a market
 * without a row of its own takes the {@code *} row. Only rows in the reporting currency count.
 */
@Repository
class RateCard {

    private static final String ANY_MARKET = "*";
    private static final String SEGMENT = "SEGMENT";

    record Rate(LocalDate validFrom, Channel channel, String category, String market, BigDecimal price) {}

    private final JdbcClient jdbc;
    private final AnalyticsProperties properties;
    private volatile List<Rate> rates;

    RateCard(JdbcClient jdbc, AnalyticsProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    BigDecimal cost(MessageFacts message, Instant at) {
        if (message.channel() == Channel.SMS) {
            return price(Channel.SMS, SEGMENT, market(message), at)
                    .map(price -> price.multiply(BigDecimal.valueOf(SmsSegments.count(message.smsText()))))
                    .orElse(BigDecimal.ZERO);
        }
        var category = message.reportedCategory() != null
                ? message.reportedCategory().toUpperCase(Locale.ROOT)
                : message.category().name();
        if (category.equals(MessageCategory.SERVICE.name())
                || (category.equals(MessageCategory.UTILITY.name()) && message.inServiceWindow())) {
            return BigDecimal.ZERO;
        }
        return price(Channel.WHATSAPP, category, market(message), at).orElse(BigDecimal.ZERO);
    }

    private Optional<BigDecimal> price(Channel channel, String category, String market, Instant at) {
        var day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        var applicable = rates().stream()
                .filter(rate -> rate.channel() == channel && rate.category().equals(category))
                .filter(rate -> !rate.validFrom().isAfter(day))
                .toList();
        return applicable.stream()
                .filter(rate -> rate.market().equals(market))
                .max(Comparator.comparing(Rate::validFrom))
                .or(() -> applicable.stream()
                        .filter(rate -> rate.market().equals(ANY_MARKET))
                        .max(Comparator.comparing(Rate::validFrom)))
                .map(Rate::price);
    }

    private static String market(MessageFacts message) {
        if (message.recipient() == null) {
            return ANY_MARKET;
        }
        try {
            var region = new PhoneNumber(message.recipient()).region();
            return region == null || region.equals("ZZ") ? ANY_MARKET : region;
        } catch (RuntimeException unparsable) {
            return ANY_MARKET;
        }
    }

    /** The card in the reporting currency, read once (it changes with a deployment's migration). */
    private List<Rate> rates() {
        var read = rates;
        if (read == null) {
            read = jdbc.sql(
                            "select valid_from, channel, category, market, price from rate_card where currency = :currency")
                    .param("currency", properties.currency())
                    .query((rs, n) -> new Rate(
                            rs.getObject("valid_from", LocalDate.class),
                            Channel.valueOf(rs.getString("channel")),
                            rs.getString("category"),
                            rs.getString("market"),
                            rs.getBigDecimal("price")))
                    .list();
            rates = read;
        }
        return read;
    }
}
