package io.commerce.analytics;

import static io.commerce.Api.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.jayway.jsonpath.JsonPath;
import io.commerce.Api;
import io.commerce.IntegrationTest;
import io.commerce.TestClock;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
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

    @Autowired
    DataSource dataSource;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aPersonsClicksCountOnceAsAClickerByCampaignAndVariantAndAPreviewNotAtAll() throws Exception {
        clock.moveTo(Instant.parse("2024-06-03T09:59:58Z"));
        var campaign = Api.uniqueId("clicks");
        var token = campaignMessageWithLink(campaign, "b");

        assertThat(analytics.follow(token, "GET", "WhatsApp/2.24.6.77 A")).isPresent(); // the preview
        assertThat(analytics.follow(token, "GET", PHONE)).isPresent();
        clock.advance(Duration.ofSeconds(4)); // the next hour: counted in it
        assertThat(analytics.follow(token, "GET", PHONE)).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(analytics.follow(token, "GET", PHONE)).isPresent();

        assertThat(clicksInTheReport(campaign)).as("counted before any roll-up").isEqualTo("[3]/[1]");
        assertThat(figures("performance_tally", campaign))
                .as("one running row per hour and dimensions, not one per click")
                .containsExactly("09:1/1", "10:2/0");
        rollUp.foldNew();
        assertThat(figures("performance_tally", campaign))
                .as("an hour keeps running until a minute after its end")
                .containsExactly("09:1/1", "10:2/0");
        clock.advance(Duration.ofMinutes(1));
        rollUp.foldNew();
        assertThat(figures("performance_tally", campaign)).containsExactly("10:2/0");
        assertThat(figures("performance_hour", campaign)).containsExactly("09:1/1");
        assertThat(clicksInTheReport(campaign)).isEqualTo("[3]/[1]");
        clock.advance(Duration.ofHours(1));
        rollUp.foldNew();
        assertThat(figures("performance_tally", campaign)).isEmpty();
        assertThat(figures("performance_hour", campaign)).containsExactly("09:1/1", "10:2/0");
        assertThat(clicksInTheReport(campaign))
                .as("counted once after the roll-up")
                .isEqualTo("[3]/[1]");
    }

    @Test
    void theRollUpLeavesATallyAWriterHoldsForItsNextTurnInsteadOfWaiting() throws Exception {
        clock.moveTo(Instant.parse("2024-06-04T09:00:00Z"));
        var held = Api.uniqueId("held");
        var free = Api.uniqueId("free");
        assertThat(analytics.follow(campaignMessageWithLink(held, "b"), "GET", PHONE))
                .isPresent();
        assertThat(analytics.follow(campaignMessageWithLink(free, "b"), "GET", PHONE))
                .isPresent();

        clock.advance(Duration.ofMinutes(61)); // the hour is over: its tallies are due to be folded
        try (var writer = dataSource.getConnection()) { // a late click writer in the middle of its batch
            writer.setAutoCommit(false);
            try (var lock =
                    writer.prepareStatement("select 1 from performance_tally where campaign_id = ? for update")) {
                lock.setString(1, held);
                lock.executeQuery();
            }
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> rollUp.foldTallies());
            assertThat(figures("performance_tally", free)).isEmpty();
            assertThat(figures("performance_tally", held)).containsExactly("09:1/1");
            writer.rollback();
        }
        rollUp.foldTallies();
        assertThat(figures("performance_tally", held)).isEmpty();
        assertThat(figures("performance_hour", held)).containsExactly("09:1/1");
    }

    /** The campaign's clicks and unique clickers in the performance report of 09:00–11:00, as [clicked]/[unique]. */
    private String clicksInTheReport(String campaign) throws Exception {
        var body = get(
                        mvc,
                        "/api/v1/analytics/performance?groupBy=campaign&from=2024-06-03T09:00:00Z&to=2024-06-03T11:00:00Z")
                .exchange()
                .getResponse()
                .getContentAsString();
        var row = "$.rows[?(@.key == '%s')]".formatted(campaign);
        return JsonPath.read(body, row + ".clicked") + "/" + JsonPath.read(body, row + ".uniqueClickers");
    }

    /** The campaign's variant-b clicks per UTC hour in {@code table}, as HH:clicked/unique. */
    private List<String> figures(String table, String campaign) {
        return jdbc.sql("""
                        select to_char(hour at time zone 'UTC', 'HH24'), sum(clicked), sum(unique_clickers)
                          from %s where campaign_id = :campaign and variant = 'b' group by hour order by hour
                        """.formatted(table))
                .param("campaign", campaign)
                .query((rs, n) -> rs.getString(1) + ":" + rs.getLong(2) + "/" + rs.getLong(3))
                .list();
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
