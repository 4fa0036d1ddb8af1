package io.commerce.journey.journeys;

import io.commerce.journey.engine.JourneySettings;
import io.commerce.promotion.DiscountKind;
import io.commerce.shared.CurrencyCode;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The newsletter opt-in journey ({@code commerce.journey.newsletter.*}).
 *
 * @param enabled whether customers who allow SMS offers are invited to WhatsApp offers
 * @param inviteDelay time between the SMS marketing grant and the invitation
 * @param answerTimeout how long the invitation waits for an answer
 * @param yesAnswers the answers that opt in (whole message, any case, trailing punctuation ignored); they must
 *     not be messaging keywords ({@code START}, {@code ALTA}…), which never reach journeys
 * @param welcomeAmount the welcome code's amount off
 * @param currency the shop's currency, that of the amount and the minimum spend
 * @param minimumSpend the least order total the welcome code applies to
 * @param codeValidFor how long the welcome code is valid
 */
@Validated
@ConfigurationProperties("commerce.journey.newsletter")
record NewsletterProperties(
        @DefaultValue("true") boolean enabled,
        @NotNull @DefaultValue("PT1H") Duration inviteDelay,
        @NotNull @DefaultValue("P3D") Duration answerTimeout,

        @NotEmpty @DefaultValue({"YES", "Y", "SI", "SÍ", "JA"})
        List<String> yesAnswers,

        @NotNull @Positive @DefaultValue("5") BigDecimal welcomeAmount,

        @NotNull @CurrencyCode @DefaultValue("EUR") String currency,

        @NotNull @PositiveOrZero @DefaultValue("30") BigDecimal minimumSpend,
        @NotNull @DefaultValue("P30D") Duration codeValidFor)
        implements JourneySettings {

    DiscountOffer welcomeDiscount() {
        return new DiscountOffer(DiscountKind.AMOUNT, welcomeAmount, currency, minimumSpend);
    }
}
