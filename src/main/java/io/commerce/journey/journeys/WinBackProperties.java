package io.commerce.journey.journeys;

import io.commerce.journey.engine.JourneySettings;
import io.commerce.promotion.DiscountKind;
import io.commerce.shared.CurrencyCode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The win-back journey ({@code commerce.journey.win-back.*}).
 *
 * @param enabled whether lapsed customers are won back
 * @param inactiveAfter time since the last order (not cancelled) after which a customer has lapsed
 * @param scanWindow how much longer than {@code inactiveAfter} a lapse may already last and still enroll (covers
 *     missed scans; customers lapsed longer, e.g. when the journey is first switched on, are left to campaigns)
 * @param scanEnabled whether this instance scans on its schedule (tests call the scan themselves)
 * @param scanInterval time between two scans for lapsed customers
 * @param scanBatchSize customers enrolled per statement (and transaction) of a scan
 * @param codeValidFor how long the win-back code is valid; the journey waits as long for a conversion
 * @param discountKind {@code percent} or {@code amount} off
 * @param discountValue the percentage, or the amount in {@code discountCurrency}
 * @param discountCurrency ISO-4217 currency of an amount off
 * @param minimumSpend the least order total the code applies to
 */
@Validated
@ConfigurationProperties("commerce.journey.win-back")
record WinBackProperties(
        @DefaultValue("true") boolean enabled,
        @NotNull @DefaultValue("P60D") Duration inactiveAfter,
        @NotNull @DefaultValue("P7D") Duration scanWindow,
        @DefaultValue("true") boolean scanEnabled,
        @NotNull @DefaultValue("PT1H") Duration scanInterval,
        @Min(1) @Max(10_000) @DefaultValue("1000") int scanBatchSize,
        @NotNull @DefaultValue("P31D") Duration codeValidFor,
        @NotNull @DefaultValue("PERCENT") DiscountKind discountKind,
        @NotNull @Positive @DefaultValue("15") BigDecimal discountValue,
        @CurrencyCode String discountCurrency,
        @NotNull @PositiveOrZero @DefaultValue("0") BigDecimal minimumSpend)
        implements JourneySettings {

    WinBackProperties {
        DiscountOffer.check(discountKind, discountValue, discountCurrency);
    }

    DiscountOffer discount() {
        return new DiscountOffer(discountKind, discountValue, discountCurrency, minimumSpend);
    }
}
