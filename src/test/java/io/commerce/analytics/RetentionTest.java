package io.commerce.analytics;

import static io.commerce.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.commerce.Api;
import io.commerce.IntegrationTest;
import io.commerce.messaging.MessagingFixtures;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Retention cohorts by month of first order, reached by messages or not, from orders placed through the API. */
@IntegrationTest
class RetentionTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Retention retention;

    @Autowired
    AnalyticsService analytics;

    @Test
    void cohortsShowTheShareOrderingAgainEachLaterMonthReachedOrNot() {
        var productId = Api.uniqueId("p");
        json(mvc, HttpMethod.PUT, "/api/v1/products/" + productId, Api.product(50, "20.00"))
                .assertThat()
                .hasStatus2xxSuccessful();
        var ana = customer();
        var ben = customer();
        var cai = customer();
        order(ana, productId, "2019-01-10T10:00:00Z");
        order(ana, productId, "2019-02-03T10:00:00Z");
        order(ben, productId, "2019-01-20T10:00:00Z");
        order(ben, productId, "2019-03-15T10:00:00Z");
        var cancelled = order(ben, productId, "2019-02-15T10:00:00Z");
        order(cai, productId, "2019-01-31T23:00:00Z");
        order(cai, productId, "2019-02-01T09:00:00Z");
        json(mvc, HttpMethod.POST, "/api/v1/orders/" + cancelled + "/cancellation", "{}")
                .assertThat()
                .hasStatusOk();
        retention.reached(List.of(
                new Retention.Reach(ana, Instant.parse("2019-01-12T10:00:00Z")),
                new Retention.Reach(ben, Instant.parse("2019-02-01T10:00:00Z")),
                new Retention.Reach(
                        cai, Instant.parse("2018-12-24T10:00:00Z")))); // before her first order: not reached

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var cohorts =
                    analytics.retention(Instant.parse("2019-01-01T00:00:00Z"), Instant.parse("2019-02-01T00:00:00Z"));
            assertThat(cohorts).hasSize(2);
            var reached = cohorts.getFirst();
            assertThat(reached.month()).isEqualTo(YearMonth.of(2019, 1));
            assertThat(reached.reached()).isTrue();
            assertThat(reached.customers()).isEqualTo(2);
            // Ana again in February; Ben's February order was cancelled, he came back in March
            assertThat(reached.returning().subList(0, 3)).containsExactly(0.5, 0.5, 0.0);
            var notReached = cohorts.get(1);
            assertThat(notReached.reached()).isFalse();
            assertThat(notReached.customers()).isEqualTo(1);
            assertThat(notReached.returning().subList(0, 2)).containsExactly(1.0, 0.0);
        });
    }

    @Test
    void aPeriodEndingBeforeItStartsIsRefused() {
        assertThat(Api.get(mvc, "/api/v1/analytics/retention?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z"))
                .hasStatus(org.springframework.http.HttpStatus.BAD_REQUEST);
    }

    private String customer() {
        var id = Api.uniqueId("ret");
        json(mvc, HttpMethod.PUT, "/api/v1/customers/" + id, Api.customer(MessagingFixtures.uniquePhone()))
                .assertThat()
                .hasStatus2xxSuccessful();
        return id;
    }

    private String order(String customerId, String productId, String placedAt) {
        var id = Api.uniqueId("o");
        json(mvc, HttpMethod.PUT, "/api/v1/orders/" + id, """
                        {"customerId": "%s", "currency": "EUR", "total": 20.00, "placedAt": "%s",
                         "lines": [{"productId": "%s", "variantId": "v-42", "quantity": 1, "unitPrice": 20.00}]}""".formatted(customerId, placedAt, productId))
                .assertThat()
                .hasStatus2xxSuccessful();
        return id;
    }
}
