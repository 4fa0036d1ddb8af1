package io.commerce.analytics;

import static io.commerce.Api.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.commerce.Api;
import io.commerce.IntegrationTest;
import io.commerce.TestClock;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Following a campaign message's link counts in the funnel exactly: a person's clicks by campaign and variant,
 * the first of them as the unique clicker, a preview fetcher's not at all, in the UTC hour of the click.
 */
@IntegrationTest
class ClickFunnelTest {

    private static final String PHONE = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/131.0 Mobile";

    @Autowired
    AnalyticsService analytics;

    @Autowired
    RollUp rollUp;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aPersonsClicksCountOnceAsAClickerByCampaignAndVariantAndAPreviewNotAtAll() {
        clock.moveTo(Instant.parse("2024-06-03T09:59:58Z"));
        var campaign = Api.uniqueId("clicks");
        var token = campaignMessageWithLink(campaign, "b");

        assertThat(analytics.follow(token, "GET", "WhatsApp/2.24.6.77 A")).isPresent(); // the preview
        assertThat(analytics.follow(token, "GET", PHONE)).isPresent();
        clock.advance(Duration.ofSeconds(4)); // the next hour: counted in it
        assertThat(analytics.follow(token, "GET", PHONE)).isPresent();
        rollUp.fold(1_000_000);

        var period = "from=2024-06-03T09:00:00Z&to=2024-06-03T11:00:00Z";
        assertThat(get(mvc, "/api/v1/analytics/performance?groupBy=campaign&" + period))
                .bodyJson()
                .satisfies(body -> {
                    var row = "$.rows[?(@.key == '%s')]".formatted(campaign);
                    assertThat(body).extractingPath(row + ".clicked").asArray().containsExactly(2);
                    assertThat(body)
                            .extractingPath(row + ".uniqueClickers")
                            .asArray()
                            .containsExactly(1);
                });
        assertThat(jdbc.sql("""
                        select to_char(hour at time zone 'UTC', 'HH24'), sum(clicked), sum(unique_clickers)
                          from performance_hour where campaign_id = :campaign and variant = 'b' group by hour order by hour
                        """)
                        .param("campaign", campaign)
                        .query((rs, n) -> rs.getString(1) + ":" + rs.getLong(2) + "/" + rs.getLong(3))
                        .list())
                .containsExactly("09:1/1", "10:1/0");
    }

    /** A campaign message (variant {@code arm}) carrying one tracked link, as the outbox stores it; its token. */
    private String campaignMessageWithLink(String campaign, String arm) {
        var id = UUID.randomUUID();
        var now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        insert into message (id, customer_id, channel, purpose, category, status, recipient, template_key,
                                             content, origin, origin_ref, variant, attempts, next_attempt_at,
                                             created_at, updated_at)
                        values (:id, :customer, 'WHATSAPP', 'MARKETING', 'MARKETING', 'READ', '+34612345678', 'promo',
                                '{"kind": "text", "body": "https://shop.example/sale", "previewUrl": false}',
                                'campaign', :campaign, :arm, 1, :now, :now, :now)
                        """)
                .param("id", id)
                .param("customer", Api.uniqueId("clicker"))
                .param("campaign", campaign)
                .param("arm", arm)
                .param("now", now)
                .update();
        var token = "cf" + id.toString().replace("-", "").substring(0, 14);
        jdbc.sql("insert into tracked_link (token, message_id, url, created_at) values (:token, :id, :url, :now)")
                .param("token", token)
                .param("id", id)
                .param("url", "https://shop.example/sale")
                .param("now", now)
                .update();
        return token;
    }
}
