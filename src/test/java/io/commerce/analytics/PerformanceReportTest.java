package io.commerce.analytics;

import static io.commerce.Api.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.commerce.IntegrationTest;
import io.commerce.shared.Channel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The performance report: figures folded or not yet, ratios, and bad periods refused with a 400. */
@IntegrationTest
class PerformanceReportTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Tally tally;

    @Autowired
    RollUp rollUp;

    @Autowired
    io.commerce.TestClock clock;

    @Autowired
    io.commerce.conversation.ConversationService conversations;

    @Test
    void aReportAddsFoldedAndNewFiguresAndComputesItsRatios() {
        var campaign = io.commerce.Api.uniqueId("camp");
        var dimensions = new Dimensions("campaign", campaign, "", "", "promo", Channel.WHATSAPP, "");
        var at = Instant.parse("2024-03-05T10:15:00Z");
        for (var i = 0; i < 10; i++) {
            tally.write(new Tally.Delta(at, dimensions, Counts.aDelivery(new BigDecimal("0.0510"))));
        }
        tally.write(new Tally.Delta(at, dimensions, Counts.aClick(true)));
        tally.write(new Tally.Delta(at, dimensions, Counts.aClick(false)));
        rollUp.fold(1_000_000);
        tally.write(new Tally.Delta(at.plusSeconds(3600), dimensions, Counts.anOrder(1, new BigDecimal("51.00"))));

        assertThat(get(mvc, "/api/v1/analytics/performance?from=2024-03-05T10:30:00Z&to=2024-03-05T12:00:00Z"))
                .hasStatusOk()
                .bodyJson()
                .satisfies(body -> {
                    var row = "$.rows[?(@.key == '%s')]".formatted(campaign);
                    assertThat(body)
                            .extractingPath(row + ".delivered")
                            .asArray()
                            .containsExactly(10);
                    assertThat(body).extractingPath(row + ".clicked").asArray().containsExactly(2);
                    assertThat(body)
                            .extractingPath(row + ".uniqueClickers")
                            .asArray()
                            .containsExactly(1);
                    assertThat(body).extractingPath(row + ".orders").asArray().containsExactly(1);
                    assertThat(body).extractingPath(row + ".ctr").asArray().containsExactly(0.1);
                    assertThat(body)
                            .extractingPath(row + ".conversionRate")
                            .asArray()
                            .containsExactly(0.1);
                    assertThat(body).extractingPath(row + ".rocs").asArray().containsExactly(100.0);
                    assertThat(body).extractingPath(row + ".currency").asArray().containsExactly("EUR");
                });
    }

    @Test
    void aPeriodOfWholeDaysReadsTheDailyRollUpsAndItsEdgesTheHourlyOnes() {
        var campaign = io.commerce.Api.uniqueId("days");
        var dimensions = new Dimensions("campaign", campaign, "", "", "promo", Channel.WHATSAPP, "");
        for (var at : List.of(
                "2024-04-09T23:30:00Z", "2024-04-10T00:10:00Z", "2024-04-11T12:00:00Z", "2024-04-12T05:00:00Z")) {
            tally.write(new Tally.Delta(Instant.parse(at), dimensions, Counts.aDelivery(BigDecimal.ZERO)));
        }
        rollUp.fold(1_000_000);

        // 9 April 23:00 (an hour), 10 and 11 April (days), 12 April 00:00-06:00 (hours): all four
        assertThat(get(mvc, "/api/v1/analytics/performance?from=2024-04-09T23:00:00Z&to=2024-04-12T06:00:00Z"))
                .bodyJson()
                .extractingPath("$.rows[?(@.key == '%s')].delivered".formatted(campaign))
                .asArray()
                .containsExactly(4);
        // from within 10 April's first hour (a report starts on the hour) to 12 April: 10 and 11 April, two days
        assertThat(get(mvc, "/api/v1/analytics/performance?from=2024-04-10T00:30:00Z&to=2024-04-12T00:00:00Z"))
                .bodyJson()
                .extractingPath("$.rows[?(@.key == '%s')].delivered".formatted(campaign))
                .asArray()
                .containsExactly(2);
    }

    @Test
    void sentimentGathersRatingsTheirLowShareAndOptOutsPerDelivery() {
        clock.moveTo(Instant.parse("2018-06-01T10:00:00Z"));
        try {
            for (var rating : List.of(1, 2, 5, 5)) {
                conversations.rateOrder(io.commerce.Api.uniqueId("o"), "c", rating, Channel.WHATSAPP);
            }
        } finally {
            clock.reset();
        }
        var dimensions = new Dimensions("campaign", "c-sentiment", "", "", "promo", Channel.WHATSAPP, "");
        for (var i = 0; i < 8; i++) {
            tally.write(new Tally.Delta(
                    Instant.parse("2018-06-01T11:00:00Z"), dimensions, Counts.aDelivery(BigDecimal.ZERO)));
        }
        tally.write(new Tally.Delta(Instant.parse("2018-06-01T11:00:00Z"), dimensions, Counts.anOptOut()));

        assertThat(get(mvc, "/api/v1/analytics/sentiment?from=2018-06-01T00:00:00Z&to=2018-06-02T00:00:00Z"))
                .hasStatusOk()
                .bodyJson()
                .satisfies(body -> {
                    assertThat(body).extractingPath("$.deliveries.count").isEqualTo(4);
                    assertThat(body).extractingPath("$.deliveries.average").isEqualTo(3.25);
                    assertThat(body).extractingPath("$.deliveries.lowShare").isEqualTo(0.5);
                    assertThat(body).extractingPath("$.deliveries.byRating.5").isEqualTo(2);
                    assertThat(body).extractingPath("$.optedOut").isEqualTo(1);
                    assertThat(body).extractingPath("$.delivered").isEqualTo(8);
                    assertThat(body).extractingPath("$.optOutRate").isEqualTo(0.125);
                });
    }

    @Test
    void aPeriodEndingBeforeItStartsIsRefused() {
        assertThat(get(mvc, "/api/v1/analytics/performance?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void aPeriodOverTwoYearsIsRefused() {
        assertThat(get(mvc, "/api/v1/analytics/performance?from=2023-01-01T00:00:00Z&to=2026-11-01T00:00:00Z"))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void anUnknownGroupingIsRefused() {
        assertThat(get(mvc, "/api/v1/analytics/performance?groupBy=weather"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType("application/problem+json");
    }
}
