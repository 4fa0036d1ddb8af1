package io.commerce.journey.journeys;

import io.commerce.promotion.CodeIssue;
import io.commerce.promotion.DiscountCodeView;
import io.commerce.promotion.DiscountKind;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.Currency;
import java.util.Locale;

/**
 * A discount a journey hands out as a unique code (win-back, newsletter welcome), as configured; and how an
 * issued code's value and minimum spend read in a message in the customer's language ({@code 15%}, {@code
 * 5,00 €}).
 */
public record DiscountOffer(DiscountKind kind, BigDecimal value, String currency, BigDecimal minimumSpend) {

    public DiscountOffer {
        check(kind, value, currency);
    }

    /** Refuses, at startup, what the promotion module would refuse at every issue. */
    static void check(DiscountKind kind, BigDecimal value, String currency) {
        if (kind == DiscountKind.AMOUNT && currency == null) {
            throw new IllegalArgumentException("an amount off needs a currency");
        }
        if (kind == DiscountKind.PERCENT && value.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("a percentage off is at most 100");
        }
    }

    CodeIssue issue(String customerId, String reason, Duration validFor) {
        return new CodeIssue(customerId, reason, kind, value, currency, minimumSpend, validFor);
    }

    /** {@code 15%} or the amount in the code's currency, as the language writes it. */
    public static String value(DiscountCodeView code, String language) {
        return code.kind() == DiscountKind.PERCENT
                ? code.value().stripTrailingZeros().toPlainString() + "%"
                : money(code.value(), code.currency(), language);
    }

    /** The code's minimum spend, in its currency when it has one. */
    static String minimumSpend(DiscountCodeView code, String language) {
        return code.currency() == null
                ? code.minimumSpend().stripTrailingZeros().toPlainString()
                : money(code.minimumSpend(), code.currency(), language);
    }

    private static String money(BigDecimal amount, String currency, String language) {
        var format = NumberFormat.getCurrencyInstance(Locale.forLanguageTag(language));
        format.setCurrency(Currency.getInstance(currency));
        // no-break spaces ("5,00 €") would push an SMS out of the GSM alphabet: plain spaces read the same
        return format.format(amount).replace('\u00A0', ' ').replace('\u202F', ' ');
    }
}
