package io.commerce.campaign;

import static io.commerce.Api.get;
import static io.commerce.Api.json;
import static io.commerce.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.commerce.Api;
import io.commerce.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A campaign with a control group and two variants: the audience split by the shares asked for, the control
 * group recorded and never sent, and the results showing each arm's conversion and the lift over the control.
 */
@IntegrationTest
class CampaignExperimentTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    CampaignLauncher launcher;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    WinnerSender winners;

    @Autowired
    io.commerce.TestClock clock;

    @Test
    void aControlGroupIsHeldOutAndTheVariantsSplitTheRest() throws Exception {
        var tag = uniqueId("exp");
        var customers = new ArrayList<String>();
        for (var i = 0; i < 400; i++) {
            customers.add(customer(tag));
        }
        var created = json(mvc, HttpMethod.POST, "/api/v1/campaigns", """
                        {"name": "Spring sale", "template": "promotion",
                         "params": {"promotion": "20%% off", "url": "https://shop.example/sale"},
                         "channel": "whatsapp", "segment": {"tags": ["%s"]}, "controlPercent": 20,
                         "variants": [{"name": "b", "template": "new_product", "percent": 50,
                                       "params": {"productName": "Runner X", "productUrl": "https://shop.example/p/x"}}]}""".formatted(tag))
                .exchange();
        assertThat(created).hasStatus(HttpStatus.CREATED);
        var campaignId = json.readTree(created.getResponse().getContentAsString())
                .path("id")
                .asString();
        launcher.launchDue();

        var arms = jdbc
                .sql("""
                        select coalesce(variant, '-') || case when error_code = 'CONTROL_GROUP' then ' held' else '' end,
                               count(*)
                          from message where origin_ref = :campaignId group by 1
                        """)
                .param("campaignId", campaignId)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(arms).containsOnlyKeys("a", "b", "control held");
        assertThat(arms.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(400);
        assertThat(arms.get("control held")).isBetween(50L, 110L); // 20 % of 400 is 80; the hash is random
        assertThat(arms.get("a")).isBetween(110L, 210L); // half of the rest (320) each
        assertThat(arms.get("b")).isBetween(110L, 210L);
        var held = jdbc.sql("select count(*) from message where origin_ref = :id and error_code = 'CONTROL_GROUP'"
                        + " and status = 'CANCELLED'")
                .param("id", campaignId)
                .query(Long.class)
                .single();
        assertThat(held).isEqualTo(arms.get("control held")); // recorded, never queued for sending

        // every customer of arm "a" orders, none of the others
        var inA = jdbc.sql("select customer_id from message where origin_ref = :id and variant = 'a'")
                .param("id", campaignId)
                .query(String.class)
                .list();
        var productId = uniqueId("p");
        json(mvc, HttpMethod.PUT, "/api/v1/products/" + productId, Api.product(1000, "30.00"))
                .assertThat()
                .hasStatus2xxSuccessful();
        var launched = Instant.parse(json.readTree(get(mvc, "/api/v1/campaigns/" + campaignId)
                        .exchange()
                        .getResponse()
                        .getContentAsString())
                .path("launchedAt")
                .asString());
        inA.forEach(customerId -> order(customerId, productId, launched.plusSeconds(60)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var results = results(campaignId);
            var byArm = new java.util.HashMap<String, JsonNode>();
            results.path("arms").forEach(arm -> byArm.put(arm.path("name").asString(), arm));
            assertThat(byArm.get("a").path("converted").asLong()).isEqualTo(inA.size());
            assertThat(byArm.get("a").path("conversionRate").asDouble()).isEqualTo(1.0);
            assertThat(byArm.get("b").path("converted").asLong()).isZero();
            assertThat(results.path("control").path("size").asLong()).isEqualTo(arms.get("control held"));
            assertThat(results.path("control").path("orders").asLong()).isZero();
            var treated = arms.get("a") + arms.get("b");
            assertThat(results.path("lift").path("absolute").asDouble())
                    .isCloseTo((double) inA.size() / treated, org.assertj.core.api.Assertions.within(1e-4));
            assertThat(results.path("lift").path("low").asDouble()).isPositive();
            assertThat(results.path("incrementalRevenue").decimalValue())
                    .isEqualByComparingTo(
                            new java.math.BigDecimal("30.00").multiply(java.math.BigDecimal.valueOf(inA.size())));
            assertThat(results.path("variantTests").path(0).path("variant").asString())
                    .isEqualTo("b");
            assertThat(results.path("variantTests")
                            .path(0)
                            .path("againstA")
                            .path("pValue")
                            .asDouble())
                    .isLessThan(0.001);
        });
    }

    @Test
    void theBestVariantOfATestGoesToTheRestOnceTheTestHasRun() throws Exception {
        var tag = uniqueId("win");
        for (var i = 0; i < 200; i++) {
            customer(tag);
        }
        var created = json(mvc, HttpMethod.POST, "/api/v1/campaigns", """
                        {"name": "Which one", "template": "promotion",
                         "params": {"promotion": "20%% off", "url": "https://shop.example/sale"},
                         "channel": "whatsapp", "segment": {"tags": ["%s"]},
                         "variants": [{"name": "b", "template": "new_product", "percent": 50,
                                       "params": {"productName": "Runner X", "productUrl": "https://shop.example/p/x"}}],
                         "testPercent": 40, "winnerAfter": "PT4H"}""".formatted(tag))
                .exchange();
        assertThat(created).hasStatus(HttpStatus.CREATED);
        var campaignId = json.readTree(created.getResponse().getContentAsString())
                .path("id")
                .asString();
        launcher.launchDue();
        var tested = countByVariant(campaignId);
        assertThat(tested).containsOnlyKeys("a", "b");
        assertThat(tested.get("a") + tested.get("b")).isBetween(50L, 110L); // 40 % of 200
        var launched = Instant.parse(json.readTree(get(mvc, "/api/v1/campaigns/" + campaignId)
                        .exchange()
                        .getResponse()
                        .getContentAsString())
                .path("launchedAt")
                .asString());
        var productId = uniqueId("p");
        json(mvc, HttpMethod.PUT, "/api/v1/products/" + productId, Api.product(1000, "30.00"))
                .assertThat()
                .hasStatus2xxSuccessful();
        jdbc.sql("select customer_id from message where origin_ref = :id and variant = 'b'")
                .param("id", campaignId)
                .query(String.class)
                .list()
                .forEach(customerId -> order(customerId, productId, launched.plusSeconds(60)));

        assertThat(winners.sendDue()).isZero(); // the test has not run its four hours yet
        clock.advance(Duration.ofHours(4).plusMinutes(1));
        try {
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(winners.sendDue()).isEqualTo(1));
        } finally {
            clock.reset();
        }

        var all = countByVariant(campaignId);
        assertThat(all.get("rest")).isEqualTo(200 - tested.get("a") - tested.get("b"));
        var restTemplates = jdbc.sql(
                        "select distinct template_key from message where origin_ref = :id and variant = 'rest'")
                .param("id", campaignId)
                .query(String.class)
                .list();
        assertThat(restTemplates).containsExactly("new_product"); // b's, the winner's
        assertThat(winners.sendDue()).isZero(); // once
        assertThat(json.readTree(get(mvc, "/api/v1/campaigns/" + campaignId)
                                .exchange()
                                .getResponse()
                                .getContentAsString())
                        .path("audienceSize")
                        .asLong())
                .isEqualTo(200);
    }

    private Map<String, Long> countByVariant(String campaignId) {
        return jdbc
                .sql("select variant, count(*) from message where origin_ref = :id group by variant")
                .param("id", campaignId)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Test
    void aControlShareOver50PercentIsRefused() {
        assertThat(json(mvc, HttpMethod.POST, "/api/v1/campaigns", """
                        {"name": "Too careful", "template": "promotion",
                         "params": {"promotion": "20% off", "url": "https://shop.example/sale"},
                         "channel": "whatsapp", "controlPercent": 60}"""))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("controlPercent");
    }

    @Test
    void aVariantNamedLikeTheCampaignsOwnIsRefused() {
        assertThat(json(mvc, HttpMethod.POST, "/api/v1/campaigns", """
                        {"name": "Twice a", "template": "promotion",
                         "params": {"promotion": "20% off", "url": "https://shop.example/sale"}, "channel": "whatsapp",
                         "variants": [{"name": "a", "template": "promotion", "percent": 50,
                                       "params": {"promotion": "30% off", "url": "https://shop.example/sale"}}]}""")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    private JsonNode results(String campaignId) throws Exception {
        var result = get(mvc, "/api/v1/campaigns/" + campaignId).exchange();
        return json.readTree(result.getResponse().getContentAsString()).path("results");
    }

    private String customer(String tag) {
        return CampaignFixtures.customer(mvc, tag);
    }

    private void order(String customerId, String productId, Instant placedAt) {
        json(mvc, HttpMethod.PUT, "/api/v1/orders/" + uniqueId("o"), """
                        {"customerId": "%s", "currency": "EUR", "total": 30.00, "placedAt": "%s",
                         "lines": [{"productId": "%s", "variantId": "v-42", "quantity": 1, "unitPrice": 30.00}]}""".formatted(customerId, placedAt, productId))
                .assertThat()
                .hasStatus2xxSuccessful();
    }
}
