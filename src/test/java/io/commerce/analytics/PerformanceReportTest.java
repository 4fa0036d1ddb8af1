package io.commerce.analytics;

import static io.commerce.Api.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.commerce.IntegrationTest;
import io.commerce.shared.Channel;
import java.math.BigDecimal;
import java.time.Instant;
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
