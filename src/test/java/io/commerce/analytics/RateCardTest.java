package io.commerce.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.commerce.IntegrationTest;
import io.commerce.messaging.MessageCategory;
import io.commerce.messaging.MessageFacts;
import io.commerce.shared.Channel;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What messages cost by the default rate card (db/V32__analytics.sql), read from the real database. */
@IntegrationTest
class RateCardTest {

    private static final Instant AT = Instant.parse("2026-11-30T10:00:00Z");

    @Autowired
    RateCard rates;

    @Test
    void aSpanishMarketingMessageCostsSpainsMarketingRate() {
        assertThat(rates.cost(whatsapp("+34612345678", MessageCategory.MARKETING, null, false), AT))
                .isEqualByComparingTo("0.0510");
    }

    @Test
    void aDutchUtilityMessageIsFreeInsideTheServiceWindowAndChargedOutsideIt() {
        assertThat(rates.cost(whatsapp("+31612345678", MessageCategory.UTILITY, null, true), AT))
                .isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(rates.cost(whatsapp("+31612345678", MessageCategory.UTILITY, null, false), AT))
                .isEqualByComparingTo("0.0553");
    }

    @Test
    void theCategoryMetaReportsChargingOverridesOurs() {
        assertThat(rates.cost(whatsapp("+31612345678", MessageCategory.UTILITY, "marketing", false), AT))
                .isEqualByComparingTo("0.1323");
    }

    @Test
    void freeFormRepliesAreFree() {
        assertThat(rates.cost(whatsapp("+34612345678", MessageCategory.SERVICE, null, true), AT))
                .isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void aMarketWithoutARowOfItsOwnTakesTheRestOfTheWorldsRate() {
        assertThat(rates.cost(whatsapp("+818012345678", MessageCategory.MARKETING, null, false), AT))
                .isEqualByComparingTo("0.0500");
    }

    @Test
    void aMessageBeforeTheCardWasValidCostsNothingKnown() {
        assertThat(rates.cost(
                        whatsapp("+34612345678", MessageCategory.MARKETING, null, false),
                        Instant.parse("2025-06-30T10:00:00Z")))
                .isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void aTwoSegmentSpanishSmsCostsTwoSegments() {
        var text = "Hola Lucía, tu pedido 1050 está en camino con SEUR. Síguelo aquí: https://shop.example/t/SE123";
        var sms = new MessageFacts(
                "m",
                "c",
                Channel.SMS,
                MessageCategory.UTILITY,
                null,
                null,
                "order_shipped",
                null,
                "+34612345678",
                text,
                false,
                AT);

        assertThat(rates.cost(sms, AT)).isEqualByComparingTo("0.1400");
    }

    private static MessageFacts whatsapp(
            String phone, MessageCategory category, String reportedCategory, boolean inServiceWindow) {
        return new MessageFacts(
                "m",
                "c",
                Channel.WHATSAPP,
                category,
                reportedCategory,
                null,
                "t",
                null,
                phone,
                null,
                inServiceWindow,
                AT);
    }
}
