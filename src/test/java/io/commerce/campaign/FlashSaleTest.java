package io.commerce.campaign;

import static io.commerce.Api.get;
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
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Flash sales: each customer reached gets a code of their own, valid until the sale ends (named in their time
 * zone); the campaign stops, its queued messages cancelled, when the product sells out or the time is up; a sale
 * whose product sold out before its launch does not launch.
 */
@IntegrationTest
class FlashSaleTest {

    private static final String PARAMS = """
            {"discountValue": "20%", "productName": "Runner X", "productUrl": "https://shop.example/p/runner-x"}""";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    CampaignLauncher launcher;

    @Autowired
    FlashSales flashSales;

    @Autowired
    TestClock clock;

    @Autowired
    LoyaltyService loyalty;

    private String tag;
    private String productId;

    @BeforeEach
    void aProductInStock() {
        tag = uniqueId("flash");
        productId = uniqueId("runner");
        json(mvc, HttpMethod.PUT, "/api/v1/products/" + productId, """
                        {"title": "Runner X", "url": "https://shop.example/p/runner-x",
                         "variants": [{"variantId": "v-42", "title": "EU 42", "price": 89.95, "currency": "EUR",
                                       "inventory": 3}]}""")
                .assertThat()
                .hasStatus2xxSuccessful();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void eachCustomerGetsACodeOfTheirOwnValidUntilTheSaleEndsNamedInTheirTimeZone() throws Exception {
        var madrid = customer("es", "Europe/Madrid", "whatsapp");
        var newYork = customer("en", "America/New_York", "whatsapp");
        var amsterdam = customer("nl", "Europe/Amsterdam", "whatsapp");
        var start = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        var campaignId = create("whatsapp", start, "PT3H");
        launcher.launchDue();

        var messages = messages(campaignId);
        assertThat(messages).hasSize(3);
        var end = start.plus(Duration.ofHours(3));
        var codes = messages.values().stream()
                .map(content -> content.path("params").path("discountCode").asString())
                .toList();
        assertThat(codes).doesNotHaveDuplicates().allMatch(code -> code.matches("[A-Z2-9]{8}"));
        for (var customer : List.of(madrid, newYork, amsterdam)) {
            var code =
                    messages.get(customer).path("params").path("discountCode").asString();
            var view = body(get(mvc, "/api/v1/discount-codes/" + code)
                    .exchange()
                    .getResponse()
                    .getContentAsByteArray());
            assertThat(view.path("customerId").asString()).isEqualTo(customer);
            assertThat(Instant.parse(view.path("expiresAt").asString())).isEqualTo(end);
            assertThat(view.path("kind").asString()).isEqualToIgnoringCase("percent");
        }
        assertThat(endsAt(messages, madrid)).isEqualTo(hhmm(end, "Europe/Madrid"));
        assertThat(endsAt(messages, newYork)).isEqualTo(hhmm(end, "America/New_York"));
        assertThat(endsAt(messages, amsterdam)).isEqualTo(hhmm(end, "Europe/Amsterdam"));

        var sale = body(get(mvc, "/api/v1/campaigns/" + campaignId)
                        .exchange()
                        .getResponse()
                        .getContentAsByteArray())
                .path("flashSale");
        assertThat(Instant.parse(sale.path("endsAt").asString())).isEqualTo(end);
        assertThat(sale.path("stoppedAt").isNull()).isTrue();
    }

    @Test
    void earlyAccessTiersGetTheirCodeSoonerAndTheSaleEndsForEveryoneAtOnce() throws Exception {
        loyalty.setProgram(new LoyaltyProgram(null, null, null, null, null, null, null, null, null)); // vip 24 h early
        var vip = customer("es", "Europe/Madrid", "whatsapp");
        CampaignFixtures.spent(jdbc, vip, "3500", clock.instant().minus(Duration.ofDays(30)));
        var member = customer("es", "Europe/Madrid", "whatsapp");
        var start = clock.instant().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        var campaignId = create("whatsapp", start, "PT3H", ", \"earlyAccess\": true");

        clock.moveTo(start.minus(Duration.ofHours(24)));
        launcher.launchDue();

        var due = jdbc
                .sql("select customer_id, next_attempt_at from message where origin_ref = :id")
                .param("id", campaignId)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getTimestamp(2).toInstant()))
                .list()
                .stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(due.get(vip)).isBefore(start.minus(Duration.ofHours(23)));
        assertThat(due.get(member)).isEqualTo(start);
        var messages = messages(campaignId);
        for (var customer : List.of(vip, member)) {
            var code =
                    messages.get(customer).path("params").path("discountCode").asString();
            var view = body(get(mvc, "/api/v1/discount-codes/" + code)
                    .exchange()
                    .getResponse()
                    .getContentAsByteArray());
            assertThat(Instant.parse(view.path("expiresAt").asString())).isEqualTo(start.plus(Duration.ofHours(3)));
        }
    }

    @Test
    void aControlGroupIsRecordedWithoutCodes() throws Exception {
        for (var i = 0; i < 20; i++) {
            customer("es", "Europe/Madrid", "whatsapp");
        }
        var created = json(mvc, HttpMethod.POST, "/api/v1/campaigns", """
                        {"name": "Flash", "template": "flash_sale", "params": %s, "channel": "whatsapp",
                         "segment": {"tags": ["%s"]}, "controlPercent": 50, "flashSale": %s}""".formatted(PARAMS, tag, flashSale("PT3H")))
                .exchange();
        assertThat(created).hasStatus(HttpStatus.CREATED);
        var campaignId =
                body(created.getResponse().getContentAsByteArray()).path("id").asString();
        launcher.launchDue();

        var rows = jdbc.sql("""
                        select m.status, m.content ->> 'params' as params,
                               (select count(*) from discount_code d where d.customer_id = m.customer_id) as codes
                          from message m where m.origin_ref = :id""")
                .param("id", campaignId)
                .query((rs, n) -> List.of(rs.getString(1), body(rs.getString(2).getBytes()), rs.getInt(3)))
                .list();
        assertThat(rows).hasSize(20);
        var held = rows.stream().filter(row -> row.get(0).equals("CANCELLED")).toList();
        var sent = rows.stream().filter(row -> row.get(0).equals("QUEUED")).toList();
        assertThat(held).isNotEmpty().allSatisfy(row -> {
            assertThat(((JsonNode) row.get(1)).path("discountCode").asString()).isEmpty();
            assertThat(row.get(2)).isEqualTo(0);
        });
        assertThat(sent).isNotEmpty().allSatisfy(row -> {
            assertThat(((JsonNode) row.get(1)).path("discountCode").asString()).matches("[A-Z2-9]{8}");
            assertThat(row.get(2)).isEqualTo(1);
        });
    }

    @Test
    void anErasedCustomerGetsNoCode() throws Exception {
        // a segment an erasure leaves them in (it keeps the language, not the tags); Frisian: no other test's
        var kept = customer("fy", "Europe/Amsterdam", "whatsapp");
        var erased = customer("fy", "Europe/Amsterdam", "whatsapp");
        json(mvc, HttpMethod.DELETE, "/api/v1/customers/" + erased, "")
                .assertThat()
                .hasStatus2xxSuccessful();
        var created = json(mvc, HttpMethod.POST, "/api/v1/campaigns", """
                        {"name": "Flash", "template": "flash_sale", "params": %s, "channel": "whatsapp",
                         "segment": {"language": "fy"}, "flashSale": %s}""".formatted(PARAMS, flashSale("PT3H")))
                .exchange();
        assertThat(created).hasStatus(HttpStatus.CREATED);
        var campaignId =
                body(created.getResponse().getContentAsByteArray()).path("id").asString();
        launcher.launchDue();

        assertThat(messages(campaignId)).containsOnlyKeys(kept);
        assertThat(jdbc.sql("select customer_id from discount_code where reason = :reason")
                        .param("reason", "flash-sale:" + campaignId)
                        .query(String.class)
                        .list())
                .containsExactly(kept);
    }

    @Test
    void anSmsCarriesTheCustomersCodeAndTheEndInTheirTimeZone() throws Exception {
        var madrid = customer("es", "Europe/Madrid", "sms");
        var start = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        var campaignId = create("sms", start, "PT2H");
        launcher.launchDue();

        var row = jdbc.sql("select content, sms_text from message where origin_ref = :id")
                .param("id", campaignId)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .single();
        var code = body(row.getKey().getBytes())
                .path("params")
                .path("discountCode")
                .asString();
        assertThat(row.getValue())
                .startsWith("Oferta relámpago, Ana: 20% de descuento en Runner X hasta las "
                        + hhmm(start.plus(Duration.ofHours(2)), "Europe/Madrid"))
                .contains("Tu código: " + code + " https://shop.example/p/runner-x");
        assertThat(code).matches("[A-Z2-9]{8}");
        assertThat(madrid).isNotBlank();
    }

    @Test
    void theProductSellingOutStopsTheSaleAndCancelsItsQueuedMessages() throws Exception {
        customer("es", "Europe/Madrid", "whatsapp");
        customer("en", "Europe/London", "whatsapp");
        var campaignId = create("whatsapp", clock.instant(), "PT3H");
        launcher.launchDue();
        assertThat(messages(campaignId)).hasSize(2);

        json(mvc, HttpMethod.PUT, "/api/v1/products/" + productId + "/variants/v-42/inventory", """
                        {"quantity": 0}""")
                .assertThat()
                .hasStatus2xxSuccessful();

        assertThat(stopped(campaignId).path("stopReason").asString()).isEqualTo("SOLD_OUT");
        assertThat(statuses(campaignId)).containsExactly(Map.entry("CANCELLED", "FLASH_SALE_SOLD_OUT"));
    }

    @Test
    void aProductUpsertLeavingNoStockStopsTheSaleToo() throws Exception {
        customer("es", "Europe/Madrid", "whatsapp");
        var campaignId = create("whatsapp", clock.instant(), "PT3H");
        launcher.launchDue();

        json(mvc, HttpMethod.PUT, "/api/v1/products/" + productId, """
                        {"title": "Runner X", "url": "https://shop.example/p/runner-x",
                         "variants": [{"variantId": "v-42", "title": "EU 42", "price": 89.95, "currency": "EUR",
                                       "inventory": 0},
                                      {"variantId": "v-43", "title": "EU 43", "price": 89.95, "currency": "EUR",
                                       "inventory": 0}]}""")
                .assertThat()
                .hasStatus2xxSuccessful();

        assertThat(stopped(campaignId).path("stopReason").asString()).isEqualTo("SOLD_OUT");
    }

    @Test
    void theSaleStopsWhenItsTimeIsUp() throws Exception {
        customer("es", "Europe/Madrid", "whatsapp");
        var start = clock.instant();
        var campaignId = create("whatsapp", start, "PT1H");
        launcher.launchDue();

        clock.moveTo(start.plus(Duration.ofMinutes(59)));
        flashSales.stopWhereDue(); // or the poll did
        assertThat(campaign(campaignId).path("flashSale").path("stoppedAt").isNull())
                .isTrue();

        clock.moveTo(start.plus(Duration.ofHours(1)));
        flashSales.stopWhereDue();
        assertThat(campaign(campaignId).path("flashSale").path("stopReason").asString())
                .isEqualTo("ENDED");
        assertThat(statuses(campaignId)).containsExactly(Map.entry("CANCELLED", "FLASH_SALE_ENDED"));
    }

    @Test
    void aSaleWhoseProductSoldOutBeforeItsLaunchFailsWithoutCodesOrMessages() throws Exception {
        var customerId = customer("es", "Europe/Madrid", "whatsapp");
        var start = clock.instant().plus(Duration.ofHours(1));
        var campaignId = create("whatsapp", start, "PT3H");
        json(mvc, HttpMethod.PUT, "/api/v1/products/" + productId + "/variants/v-42/inventory", """
                        {"quantity": 0}""")
                .assertThat()
                .hasStatus2xxSuccessful();

        clock.moveTo(start);
        launcher.launchDue();

        var view = campaign(campaignId);
        assertThat(view.path("status").asString()).isEqualToIgnoringCase("failed");
        assertThat(view.path("failureReason").asString()).isEqualTo("SOLD_OUT");
        assertThat(messages(campaignId)).isEmpty();
        assertThat(body(get(mvc, "/api/v1/customers/" + customerId + "/discount-codes")
                                .exchange()
                                .getResponse()
                                .getContentAsByteArray())
                        .findValues("code"))
                .isEmpty();
    }

    @Test
    void aFlashSaleThatCannotWorkIsRefused() {
        assertThat(request("promotion", """
                        {"promotion": "20% off", "url": "https://shop.example/sale"}""", flashSale("PT3H")))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("template"); // no discountCode parameter to carry the code
        assertThat(json(mvc, HttpMethod.POST, "/api/v1/campaigns", """
                        {"name": "Flash", "template": "flash_sale", "params": %s, "channel": "whatsapp",
                         "variants": [{"name": "b", "template": "promotion", "percent": 50,
                                       "params": {"promotion": "20%% off", "url": "https://shop.example/sale"}}],
                         "flashSale": %s}""".formatted(PARAMS, flashSale("PT3H"))))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("variants[0].template"); // its messages would carry no code
        assertThat(request("flash_sale", PARAMS, flashSale("PT1M")))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("flashSale.validFor");
        assertThat(request("flash_sale", """
                        {"discountValue": "20%", "productName": "Runner X", "discountCode": "SAME4ALL",
                         "productUrl": "https://shop.example/p/runner-x"}""", flashSale("PT3H")))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("params.discountCode");
        assertThat(request("flash_sale", PARAMS, """
                        {"productId": "%s", "kind": "amount", "value": 10, "validFor": "PT3H"}""".formatted(productId)))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("flashSale.currency");
        assertThat(request("flash_sale", PARAMS, """
                        {"productId": "no-such-product", "kind": "percent", "value": 20, "validFor": "PT3H"}"""))
                .hasStatus(HttpStatus.UNPROCESSABLE_ENTITY)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("UNKNOWN_PRODUCT");
    }

    private MockMvcTester.MockMvcRequestBuilder request(String template, String params, String flashSale) {
        return json(mvc, HttpMethod.POST, "/api/v1/campaigns", """
                {"name": "Flash", "template": "%s", "params": %s, "channel": "whatsapp",
                 "segment": {"tags": ["%s"]}, "flashSale": %s}""".formatted(template, params, tag, flashSale));
    }

    private String flashSale(String validFor) {
        return """
                {"productId": "%s", "kind": "percent", "value": 20, "validFor": "%s"}""".formatted(productId, validFor);
    }

    private String create(String channel, Instant scheduledAt, String validFor) throws Exception {
        return create(channel, scheduledAt, validFor, "");
    }

    private String create(String channel, Instant scheduledAt, String validFor, String more) throws Exception {
        var created = json(mvc, HttpMethod.POST, "/api/v1/campaigns", """
                        {"name": "Three hours only", "template": "flash_sale", "params": %s, "channel": "%s",
                         "segment": {"tags": ["%s"]}, "scheduledAt": "%s", "flashSale": %s%s}""".formatted(
                                PARAMS, channel, tag, scheduledAt, flashSale(validFor), more))
                .exchange();
        assertThat(created).hasStatus(HttpStatus.CREATED);
        return body(created.getResponse().getContentAsByteArray()).path("id").asString();
    }

    private String customer(String language, String timezone, String channel) {
        return CampaignFixtures.customer(mvc, tag, language, timezone, channel);
    }

    /** The campaign's flash sale once it stopped (the sell-out is heard after its commit). */
    private JsonNode stopped(String campaignId) {
        return await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> campaign(campaignId).path("flashSale"),
                        sale -> !sale.path("stoppedAt").isNull());
    }

    private JsonNode campaign(String campaignId) throws Exception {
        return body(get(mvc, "/api/v1/campaigns/" + campaignId)
                .exchange()
                .getResponse()
                .getContentAsByteArray());
    }

    /** The campaign's messages' content, by customer. */
    private Map<String, JsonNode> messages(String campaignId) {
        return jdbc
                .sql("select customer_id, content from message where origin_ref = :id")
                .param("id", campaignId)
                .query((rs, n) ->
                        Map.entry(rs.getString(1), body(rs.getString(2).getBytes())))
                .list()
                .stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The campaign's messages' statuses and error codes, once each. */
    private List<Map.Entry<String, String>> statuses(String campaignId) {
        return jdbc.sql("select distinct status, error_code from message where origin_ref = :id")
                .param("id", campaignId)
                .query((rs, n) -> Map.entry(rs.getString(1), String.valueOf(rs.getString(2))))
                .list();
    }

    private static String endsAt(Map<String, JsonNode> messages, String customerId) {
        return messages.get(customerId).path("params").path("endsAt").asString();
    }

    private static String hhmm(Instant at, String zone) {
        return DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of(zone)).format(at);
    }

    private JsonNode body(byte[] bytes) {
        return json.readTree(bytes);
    }
}
