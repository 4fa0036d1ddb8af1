package io.commerce.campaign;

import static io.commerce.Api.json;
import static io.commerce.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.commerce.IntegrationTest;
import io.commerce.TestClock;
import io.commerce.loyalty.LoyaltyProgram;
import io.commerce.loyalty.LoyaltyService;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exclusive offers by loyalty tier: a segment of tiers reaches only their members (by rolling 12-month spend),
 * and early access launches a campaign ahead of its time, each tier's messages due its early access before
 * everyone else's.
 */
@IntegrationTest
class CampaignTiersTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    CampaignLauncher launcher;

    @Autowired
    LoyaltyService loyalty;

    @Autowired
    TestClock clock;

    private String tag;
    private Map<String, String> byTier;

    @BeforeEach
    void membersOfEachTier() {
        // member 0, silver 300, gold 1000 (12 h early), vip 3000 (24 h early)
        loyalty.setProgram(new LoyaltyProgram(null, null, null, null, null, null, null, null, null));
        tag = uniqueId("tiers");
        byTier = Map.of(
                "member", customer("0"),
                "silver", customer("400"),
                "gold", customer("1500"),
                "vip", customer("3500"));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aSegmentOfTiersReachesOnlyTheirMembers() throws Exception {
        var campaignId = create("""
                "segment": {"tags": ["%s"], "tiers": ["gold", "vip"]}""".formatted(tag));
        launcher.launchDue(); // or the scheduled launcher did

        await().atMost(Duration.ofSeconds(10)).until(() -> dueTimes(campaignId).size() == 2);
        assertThat(dueTimes(campaignId).keySet()).containsExactlyInAnyOrder(byTier.get("gold"), byTier.get("vip"));
    }

    @Test
    void earlyAccessReachesEachTierItsEarlyAccessBeforeEveryoneElse() throws Exception {
        var everyone = clock.instant().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        var campaignId = create("""
                "segment": {"tags": ["%s"]}, "scheduledAt": "%s", "earlyAccess": true""".formatted(tag, everyone));
        var view = json.readTree(json(mvc, HttpMethod.GET, "/api/v1/campaigns/" + campaignId, "")
                .exchange()
                .getResponse()
                .getContentAsByteArray());
        assertThat(Instant.parse(view.path("launchAt").asString())).isEqualTo(everyone.minus(Duration.ofHours(24)));

        launcher.launchDue();
        assertThat(dueTimes(campaignId)).isEmpty(); // not yet: it launches 24 h early

        clock.moveTo(everyone.minus(Duration.ofHours(24)).plusSeconds(1));
        launcher.launchDue(); // or the scheduled launcher did
        var due = await().atMost(Duration.ofSeconds(10)).until(() -> dueTimes(campaignId), times -> times.size() == 4);
        assertThat(due.get(byTier.get("vip"))) // at once: their time has come
                .isBetween(everyone.minus(Duration.ofHours(24)), everyone.minus(Duration.ofHours(23)));
        assertThat(due.get(byTier.get("gold"))).isEqualTo(everyone.minus(Duration.ofHours(12)));
        assertThat(due.get(byTier.get("silver"))).isEqualTo(everyone);
        assertThat(due.get(byTier.get("member"))).isEqualTo(everyone);
    }

    @Test
    void anUnknownTierIsRefused() {
        assertThat(json(mvc, HttpMethod.POST, "/api/v1/campaigns", """
                {"name": "VIP night", "template": "promotion",
                 "params": {"promotion": "20% off", "url": "https://shop.example/sale"},
                 "channel": "whatsapp", "segment": {"tiers": ["platinum"]}}"""))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("segment.tiers");
    }

    private String create(String rest) throws Exception {
        var created = json(mvc, HttpMethod.POST, "/api/v1/campaigns", """
                        {"name": "Members first", "template": "promotion",
                         "params": {"promotion": "20%% off", "url": "https://shop.example/sale"},
                         "channel": "whatsapp", %s}""".formatted(rest))
                .exchange();
        assertThat(created).hasStatus(HttpStatus.CREATED);
        return json.readTree(created.getResponse().getContentAsByteArray())
                .path("id")
                .asString();
    }

    /** A customer of the test's tag with marketing consent who spent this much in the last 12 months. */
    private String customer(String spend) {
        var customerId = CampaignFixtures.customer(mvc, tag);
        if (!spend.equals("0")) {
            CampaignFixtures.spent(jdbc, customerId, spend, clock.instant().minus(Duration.ofDays(30)));
        }
        return customerId;
    }

    /** The campaign's queued messages: each customer's and when it may go. */
    private Map<String, Instant> dueTimes(String campaignId) {
        return jdbc
                .sql("select customer_id, next_attempt_at from message where origin_ref = :id")
                .param("id", campaignId)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getTimestamp(2).toInstant()))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
