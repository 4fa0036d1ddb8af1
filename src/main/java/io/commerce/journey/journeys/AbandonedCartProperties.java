package io.commerce.journey.journeys;

import io.commerce.journey.engine.JourneySettings;
import io.commerce.promotion.DiscountKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The abandoned-cart journey ({@code commerce.journey.abandoned-cart.*}). Both reminder delays count from the
 * cart's last change.
 *
 * @param enabled whether carts left with lines get reminders
 * @param firstReminderAfter the WhatsApp reminder with the checkout link, after the last change
 * @param secondReminderAfter the reminder with a discount code, after the last change
 * @param discount the code the second reminder carries
 * @param conversionWindow how long after the code an order of the cart still counts as converted
 */
@Validated
@ConfigurationProperties("commerce.journey.abandoned-cart")
record AbandonedCartProperties(
        @DefaultValue("true") boolean enabled,
        @NotNull @DefaultValue("PT1H") Duration firstReminderAfter,
        @NotNull @DefaultValue("PT24H") Duration secondReminderAfter,
        @Valid @DefaultValue Discount discount,
        @NotNull @DefaultValue("P7D") Duration conversionWindow)
        implements JourneySettings {

    /**
     * The discount code of the second reminder.
     *
     * @param kind {@code percent} off, or an {@code amount} off in the cart's currency
     * @param value the percentage or the amount
     * @param minimumSpend the least order total the code applies to
     * @param validFor how long the code can be redeemed
     */
    record Discount(
            @NotNull @DefaultValue("percent") DiscountKind kind,
            @NotNull @Positive @DefaultValue("10") BigDecimal value,
            @NotNull @PositiveOrZero @DefaultValue("0") BigDecimal minimumSpend,
            @NotNull @DefaultValue("P7D") Duration validFor) {}
}
