package io.commerce.campaign;

import static io.commerce.Api.KEY;
import static io.commerce.Api.get;
import static io.commerce.Api.json;
import static io.commerce.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.commerce.IntegrationTest;
import io.commerce.TestClock;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Campaigns end to end on real PostgreSQL: scheduled through the API, launched by the launcher (disabled in
 * tests, driven by hand), asserted as rows of the outbox. Every campaign here targets a tag unique to its
 * test, so the customers of other tests are never in its audience.
 */
@IntegrationTest
class CampaignTest {

    private static final String PROMOTION = """
            "template": "promotion", "params": {"promotion": "20% off everything", "url": "https://shop.example/sale"}""";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    CampaignLauncher launcher;

    @Autowired
    Campaigns campaigns;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    ApplicationEvents events;

    String tag;

    @BeforeEach
    void uniqueTag() {
        tag = uniqueId("t");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void tagsSelectCustomersWithAllOfThem() {
        var both = customer("Ana", "en", tag, "vip");
        customer("Bea", "en", tag);
        customer("Carla", "en", "vip");

        var campaignId = launch(create("whatsapp", """
                {"tags": ["%s", "vip"]}""".formatted(tag)));

        assertThat(recipientsOf(campaignId)).containsExactly(both);
    }

    @Test
    void languageSelectsTheLanguageAndItsRegionalForms() {
        var spanish = customer("Ana", "es", tag);
        var mexican = customer("Bea", "es-MX", tag);
        customer("Carla", "en", tag);
        customer("Daan", "nl", tag);

        var campaignId = launch(create("whatsapp", """
                {"tags": ["%s"], "language": "ES"}""".formatted(tag)));

        assertThat(recipientsOf(campaignId)).containsExactlyInAnyOrder(spanish, mexican);
    }

    @Test
    void purchasedCategorySelectsCustomersWhoBoughtFromIt() {
        var category = uniqueId("cat");
        var shoes = product(category);
        var other = product(uniqueId("cat"));
        var buyer = customer("Ana", "en", tag);
        var otherBuyer = customer("Bea", "en", tag);
        var cancelledBuyer = customer("Carla", "en", tag);
        customer("Dora", "en", tag);
        order(buyer, shoes, Instant.now().minus(Duration.ofDays(200)));
        order(otherBuyer, other, Instant.now().minus(Duration.ofDays(2)));
        var cancelled = order(cancelledBuyer, shoes, Instant.now().minus(Duration.ofDays(2)));
        json(mvc, HttpMethod.POST, "/api/v1/orders/" + cancelled + "/cancellation", "{}")
                .assertThat()
                .hasStatus2xxSuccessful();

        // the category alone selects (it is unique to this test): each criterion must work on its own too
        var campaignId = launch(create("whatsapp", """
                {"purchasedCategory": "%s"}""".formatted(category)));

        assertThat(recipientsOf(campaignId)).containsExactly(buyer);
    }

    @Test
    void orderedWithinDaysSelectsRecentBuyers() {
        var product = product(uniqueId("cat"));
        var recent = customer("Ana", "en", tag);
        var lapsed = customer("Bea", "en", tag);
        customer("Carla", "en", tag);
        order(recent, product, Instant.now().minus(Duration.ofDays(10)));
        order(lapsed, product, Instant.now().minus(Duration.ofDays(40)));

        var campaignId = launch(create("whatsapp", """
                {"tags": ["%s"], "orderedWithinDays": 30}""".formatted(tag)));

        assertThat(recipientsOf(campaignId)).containsExactly(recent);
    }

    @Test
    void notOrderedWithinDaysSelectsLapsedCustomersAndThoseWhoNeverOrdered() {
        var product = product(uniqueId("cat"));
        var recent = customer("Ana", "en", tag);
        var lapsed = customer("Bea", "en", tag);
        var never = customer("Carla", "en", tag);
        order(recent, product, Instant.now().minus(Duration.ofDays(10)));
        order(lapsed, product, Instant.now().minus(Duration.ofDays(40)));

        var campaignId = launch(create("whatsapp", """
                {"tags": ["%s"], "notOrderedWithinDays": 30}""".formatted(tag)));

        assertThat(recipientsOf(campaignId)).containsExactlyInAnyOrder(lapsed, never);
    }

    @Test
    void theDaysCountBackFromTheLaunchNotFromTheScheduling() {
        var product = product(uniqueId("cat"));
        var buyer = customer("Ana", "en", tag);
        order(buyer, product, Instant.now().minus(Duration.ofDays(10)));
        var campaignId = create("whatsapp", """
                {"tags": ["%s"], "orderedWithinDays": 30}""".formatted(tag), Instant.now().plus(Duration.ofDays(25)));

        clock.advance(Duration.ofDays(25)); // the order is now 35 days old
        launcher.launchDue();

        assertThat(status(campaignId)).isEqualTo("LAUNCHED");
        assertThat(recipientsOf(campaignId)).isEmpty();
    }

    @Test
    void onlyCustomersWhoGrantedMarketingOnTheChannelAndAreNotErasedAreQueued() {
        var granted = customer("Ana", "en", tag);
        var withdrawn = customer("Bea", "en", tag);
        consent(withdrawn, "whatsapp", "marketing", "withdrawn");
        var smsOnly = customer("Carla", "en", tag, List.of(), "sms", "marketing");
        var transactionalOnly = customer("Dora", "en", tag, List.of(), "whatsapp", "transactional");
        var erased = customer("Eva", "en", tag);
        mvc.delete()
                .uri("/api/v1/customers/" + erased)
                .header("X-Api-Key", KEY)
                .assertThat()
                .hasStatus2xxSuccessful();

        var whatsapp = launch(create("whatsapp", """
                {"tags": ["%s"]}""".formatted(tag)));
        var sms = launch(create("sms", """
                {"tags": ["%s"]}""".formatted(tag)));

        assertThat(recipientsOf(whatsapp)).containsExactly(granted);
        assertThat(recipientsOf(sms)).containsExactly(smsOnly);
        assertThat(recipientsOf(whatsapp)).doesNotContain(withdrawn, transactionalOnly, erased);
        assertThat(jdbc.sql("select channel from message where origin_ref = ?")
                        .param(sms)
                        .query(String.class)
                        .list())
                .containsExactly("SMS");
    }

    @Test
    void eachMessageCarriesTheCustomersFirstNameInTheirLanguage() {
        var english = customer("Ana", "en", tag);
        var spanish = customer("Bea", "es-MX", tag);
        var dutch = customer("Daan \"D\" O'Neil", "nl", tag);
        var portuguese = customer("João", "pt-BR", tag);
        var nameless = customer(null, "es", tag);

        var campaignId = launch(create("whatsapp", """
                {"tags": ["%s"]}""".formatted(tag)));

        var rows = jdbc.sql("select customer_id, language, sms_text, content ->> 'kind' as kind,"
                        + " content -> 'params' ->> 'firstName' as first_name, content ->> 'key' as key,"
                        + " content -> 'params' ->> 'promotion' as promotion from message where origin_ref = ?")
                .param(campaignId)
                .query()
                .listOfRows();
        assertThat(rows).hasSize(5);
        assertThat(row(rows, english))
                .containsEntry("language", "en")
                .containsEntry("sms_text", "Hi Ana, 20% off everything https://shop.example/sale")
                .containsEntry("first_name", "Ana")
                .containsEntry("kind", "template")
                .containsEntry("key", "promotion")
                .containsEntry("promotion", "20% off everything");
        assertThat(row(rows, spanish))
                .containsEntry("language", "es")
                .containsEntry("sms_text", "Hola Bea, 20% off everything https://shop.example/sale")
                .containsEntry("first_name", "Bea");
        assertThat(row(rows, dutch))
                .containsEntry("language", "nl")
                .containsEntry("sms_text", "Hoi Daan \"D\" O'Neil, 20% off everything https://shop.example/sale")
                .containsEntry("first_name", "Daan \"D\" O'Neil");
        assertThat(row(rows, portuguese)) // no Portuguese translation: the default language
                .containsEntry("language", "en")
                .containsEntry("first_name", "João");
        assertThat(row(rows, nameless))
                .containsEntry("sms_text", "Hola 👋, 20% off everything https://shop.example/sale")
                .containsEntry("first_name", "👋");
    }

    @Test
    void aCampaignMessageIsTheRowThatSendingTheTemplateWouldWrite() {
        var customerId = customer("Bea", "es", tag);
        json(mvc, HttpMethod.POST, "/api/v1/messages", """
                {"customerId": "%s", "purpose": "marketing", "channel": "whatsapp",
                 "template": {"key": "promotion", "params": {"promotion": "20%% off everything",
                                                             "url": "https://shop.example/sale"}}}""".formatted(customerId))
                .assertThat()
                .hasStatus(HttpStatus.ACCEPTED);

        var campaignId = launch(create("whatsapp", """
                {"tags": ["%s"]}""".formatted(tag)));

        var columns = "channel, purpose, category, status, recipient, timezone, language, template_key, content,"
                + " sms_text, reply_to, attempts, pair_rate_failures, provider_message_id, fallback_of, retry_of,"
                + " held_reason, next_attempt_at = created_at as due_at_once, created_at = updated_at as untouched,"
                + " (select array_agg(status) from message_status_change where message_id = m.id) as history";
        var sent = jdbc.sql("select " + columns + " from message m where customer_id = ? and origin is null")
                .param(customerId)
                .query()
                .singleRow();
        var queued = jdbc.sql("select " + columns + " from message m where origin_ref = ? and origin = 'campaign'")
                .param(campaignId)
                .query()
                .singleRow();
        assertThat(queued.toString()).isEqualTo(sent.toString());
        assertThat(queued.get("content").toString()).contains("\"firstName\": \"Bea\"");
    }

    @Test
    void aCampaignIsLaunchedWhenItIsDueNotBefore() {
        customer("Ana", "en", tag);
        var campaignId = create("whatsapp", """
                {"tags": ["%s"]}""".formatted(tag), Instant.now().plus(Duration.ofHours(2)));

        launcher.launchDue();
        assertThat(status(campaignId)).isEqualTo("SCHEDULED");
        assertThat(recipientsOf(campaignId)).isEmpty();

        clock.advance(Duration.ofHours(2).plusSeconds(1));
        launcher.launchDue();

        assertThat(status(campaignId)).isEqualTo("LAUNCHED");
        assertThat(recipientsOf(campaignId)).hasSize(1);
        assertThat(events.stream(CampaignLaunched.class)
                        .filter(e -> e.campaignId().equals(campaignId)))
                .singleElement()
                .satisfies(event -> assertThat(event.audienceSize()).isEqualTo(1));
        get(mvc, "/api/v1/campaigns/" + campaignId)
                .assertThat()
                .hasStatusOk()
                .bodyJson()
                .satisfies(body -> {
                    assertThat(body).extractingPath("$.status").isEqualTo("launched");
                    assertThat(body).extractingPath("$.audienceSize").isEqualTo(1);
                    assertThat(body).extractingPath("$.launchedAt").isNotNull();
                    assertThat(body).extractingPath("$.messages.queued").isEqualTo(1);
                });
    }

    @Test
    void twoLaunchersRacingLaunchACampaignOnce() throws Exception {
        var expected = new ArrayList<String>();
        for (int i = 0; i < 30; i++) {
            expected.add(customer("Ana", "en", tag));
        }
        var campaignId = create("whatsapp", """
                {"tags": ["%s"]}""".formatted(tag));

        try (var instances = Executors.newFixedThreadPool(2)) {
            var start = new CountDownLatch(1);
            for (int i = 0; i < 2; i++) {
                instances.submit(() -> {
                    start.await();
                    return launcher.launchDue();
                });
            }
            start.countDown();
        }

        assertThat(status(campaignId)).isEqualTo("LAUNCHED");
        assertThat(recipientsOf(campaignId)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(jdbc.sql("select audience_size from campaign where id = cast(? as uuid)")
                        .param(campaignId)
                        .query(Integer.class)
                        .single())
                .isEqualTo(30);
    }

    @Test
    void cancellingAScheduledCampaignMeansItNeverLaunches() {
        customer("Ana", "en", tag);
        var campaignId = create("whatsapp", """
                {"tags": ["%s"]}""".formatted(tag), Instant.now().plus(Duration.ofHours(1)));

        cancel(campaignId)
                .assertThat()
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("cancelled");
        clock.advance(Duration.ofHours(2));
        launcher.launchDue();

        assertThat(status(campaignId)).isEqualTo("CANCELLED");
        assertThat(recipientsOf(campaignId)).isEmpty();
        assertThat(cancel(campaignId)).hasStatus(HttpStatus.CONFLICT);
    }

    @Test
    void cancellingALaunchedCampaignCancelsOnlyItsQueuedMessages() {
        customer("Ana", "en", tag);
        customer("Bea", "en", tag);
        customer("Carla", "en", tag);
        var campaignId = launch(create("whatsapp", """
                {"tags": ["%s"]}""".formatted(tag)));
        var sentOne = jdbc.sql("update message set status = 'SENT' where id = (select id from message"
                        + " where origin_ref = ? limit 1) returning id")
                .param(campaignId)
                .query(UUID.class)
                .single();

        var result = cancel(campaignId);

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo("cancelled");
        assertThat(result).bodyJson().extractingPath("$.messages.cancelled").isEqualTo(2);
        assertThat(result).bodyJson().extractingPath("$.messages.sent").isEqualTo(1);
        assertThat(result).bodyJson().extractingPath("$.messages.queued").isEqualTo(0);
        assertThat(jdbc.sql("select status from message where id = ?")
                        .param(sentOne)
                        .query(String.class)
                        .single())
                .isEqualTo("SENT");
        assertThat(jdbc.sql(
                                "select count(*) from message_status_change c join message m on m.id = c.message_id"
                                        + " where m.origin_ref = ? and c.status = 'CANCELLED' and c.error_code = 'CAMPAIGN_CANCELLED'")
                        .param(campaignId)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(cancel(campaignId)).hasStatus(HttpStatus.CONFLICT);
    }

    @Test
    void aLaunchWhoseCampaignWasCancelledMeanwhileQueuesNothing() {
        customer("Ana", "en", tag);
        var campaignId = create("whatsapp", """
                {"tags": ["%s"]}""".formatted(tag));
        var claimed = campaigns.claimDue(clock.instant(), Duration.ofMinutes(15), 100).stream()
                .filter(campaign -> campaign.id().toString().equals(campaignId))
                .findFirst()
                .orElseThrow();
        assertThat(status(campaignId)).isEqualTo("LAUNCHING");

        cancel(campaignId).assertThat().hasStatusOk();
        launcher.launch(claimed);

        assertThat(status(campaignId)).isEqualTo("CANCELLED");
        assertThat(recipientsOf(campaignId)).isEmpty();
    }

    @Test
    void aCampaignWhoseLauncherDiedIsLaunchedAfterItsClaimRunsOut() {
        customer("Ana", "en", tag);
        var campaignId = create("whatsapp", """
                {"tags": ["%s"]}""".formatted(tag));
        campaigns.claimDue(clock.instant(), Duration.ofMinutes(15), 100); // and the launcher dies

        launcher.launchDue();
        assertThat(status(campaignId)).isEqualTo("LAUNCHING");

        clock.advance(Duration.ofMinutes(16));
        launcher.launchDue();

        assertThat(status(campaignId)).isEqualTo("LAUNCHED");
        assertThat(recipientsOf(campaignId)).hasSize(1);
    }

    @Test
    void aCampaignWhoseTemplateLeftTheCatalogueFails() {
        customer("Ana", "en", tag);
        var campaignId = create("whatsapp", """
                {"tags": ["%s"]}""".formatted(tag));
        jdbc.sql("update campaign set template_key = 'retired_template' where id = cast(? as uuid)")
                .param(campaignId)
                .update();

        launcher.launchDue();

        assertThat(status(campaignId)).isEqualTo("FAILED");
        get(mvc, "/api/v1/campaigns/" + campaignId)
                .assertThat()
                .bodyJson()
                .extractingPath("$.failureReason")
                .isEqualTo("UNKNOWN_TEMPLATE");
        assertThat(recipientsOf(campaignId)).isEmpty();
    }

    @Test
    void aLaunchThatKeepsFailingIsTriedThreeTimesThenTheCampaignFails() {
        customer("Ana", "en", tag);
        var campaignId = create("whatsapp", """
                {"tags": ["%s"]}""".formatted(tag));

        withTheOutboxRefusing(campaignId, () -> {
            launcher.launchDue();
            assertThat(status(campaignId)).isEqualTo("LAUNCHING");
            launcher.launchDue(); // not again before the backoff
            assertThat(launchAttempts(campaignId)).isEqualTo(1);

            clock.advance(Duration.ofMinutes(1).plusSeconds(1));
            launcher.launchDue();
            clock.advance(Duration.ofMinutes(1).plusSeconds(1));
            launcher.launchDue();
        });

        assertThat(status(campaignId)).isEqualTo("FAILED");
        var view = get(mvc, "/api/v1/campaigns/" + campaignId).exchange();
        assertThat(view).bodyJson().extractingPath("$.failureReason").isEqualTo("LAUNCH_FAILED");
        assertThat(view).bodyJson().extractingPath("$.launchAttempts").isEqualTo(3);
        assertThat(recipientsOf(campaignId)).isEmpty();
    }

    @Test
    void aCampaignWhoseLaunchersKeepDyingFailsInsteadOfBeingClaimedForever() {
        customer("Ana", "en", tag);
        var campaignId = create("whatsapp", """
                {"tags": ["%s"]}""".formatted(tag));
        for (int died = 0; died < 3; died++) {
            campaigns.claimDue(clock.instant(), Duration.ofMinutes(15), 100); // and the launcher dies
            clock.advance(Duration.ofMinutes(16));
        }

        launcher.launchDue();

        assertThat(status(campaignId)).isEqualTo("FAILED");
        assertThat(launchAttempts(campaignId)).isEqualTo(4);
        assertThat(recipientsOf(campaignId)).isEmpty();
    }

    @Test
    void aLaunchThatFailedOnceIsLaunchedOnItsNextTry() {
        var ana = customer("Ana", "en", tag);
        var campaignId = create("whatsapp", """
                {"tags": ["%s"]}""".formatted(tag));
        withTheOutboxRefusing(campaignId, launcher::launchDue);

        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        launcher.launchDue();

        assertThat(status(campaignId)).isEqualTo("LAUNCHED");
        assertThat(launchAttempts(campaignId)).isEqualTo(2);
        assertThat(recipientsOf(campaignId)).containsExactly(ana);
    }

    /** Runs {@code work} while the database refuses this campaign's messages: a real error, not a rule. */
    private void withTheOutboxRefusing(String campaignId, Runnable work) {
        jdbc.sql("alter table message add constraint refuse_campaign check (origin_ref is distinct from '%s') not valid"
                        .formatted(campaignId))
                .update();
        try {
            work.run();
        } finally {
            jdbc.sql("alter table message drop constraint refuse_campaign").update();
        }
    }

    private int launchAttempts(String campaignId) {
        return jdbc.sql("select launch_attempts from campaign where id = cast(? as uuid)")
                .param(campaignId)
                .query(Integer.class)
                .single();
    }

    @Test
    void progressCountsTheMessagesByStatusAndThoseHeldByAGuardrail() {
        for (int i = 0; i < 6; i++) {
            customer("Ana", "en", tag);
        }
        var campaignId = launch(create("whatsapp", """
                {"tags": ["%s"]}""".formatted(tag)));
        assertThat(counts(campaignId)).containsEntry("queued", 6).containsEntry("sent", 0);

        moveSome(campaignId, "status = 'SENT'", 1);
        moveSome(campaignId, "status = 'DELIVERED'", 1);
        moveSome(campaignId, "status = 'READ'", 1);
        moveSome(campaignId, "status = 'FAILED'", 1);
        moveSome(campaignId, "held_reason = 'QUIET_HOURS'", 1);

        assertThat(counts(campaignId))
                .containsEntry("queued", 2)
                .containsEntry("sending", 0)
                .containsEntry("sent", 1)
                .containsEntry("delivered", 1)
                .containsEntry("read", 1)
                .containsEntry("failed", 1)
                .containsEntry("cancelled", 0)
                .containsEntry("held", 1);
    }

    @Test
    void campaignsAreListedNewestFirstInPages() {
        var first = create("sms", """
                {"tags": ["%s"]}""".formatted(tag), Instant.now().plus(Duration.ofDays(30)));
        var second = create("sms", """
                {"tags": ["%s"]}""".formatted(tag), Instant.now().plus(Duration.ofDays(30)));

        var page = get(mvc, "/api/v1/campaigns?page=0&size=2").assertThat();

        page.hasStatusOk();
        page.bodyJson().extractingPath("$.items[0].id").isEqualTo(second);
        page.bodyJson().extractingPath("$.items[1].id").isEqualTo(first);
        page.bodyJson().extractingPath("$.size").isEqualTo(2);
        cancel(first);
        cancel(second);
    }

    @Test
    void badCampaignsAreProblems() {
        assertProblem(post("""
                {"name": "x", "template": "no_such_template", "channel": "whatsapp"}"""), 422, "UNKNOWN_TEMPLATE");
        assertProblem(post("""
                {"name": "x", "template": "order_shipped", "params": {"orderId": "1"}, "channel": "whatsapp"}"""), 422, "MARKETING_TEMPLATE_REQUIRED");
        assertProblem(post("""
                {"name": "x", "template": "promotion", "params": {"promotion": "20%"}, "channel": "whatsapp"}"""), 400, "TEMPLATE_PARAMS_MISSING");
        assertProblem(post("""
                {"name": "x", %s, "channel": "pigeon"}""".formatted(PROMOTION)), 400, null);
        assertProblem(post("""
                {"name": "x", %s}""".formatted(PROMOTION)), 400, null);
        assertProblem(post("""
                {"name": "x", "template": "promotion", "channel": "sms",
                 "params": {"promotion": "20%", "url": "https://shop.example", "firstName": "Ana"}}"""), 400, null);
        assertProblem(post("""
                {"name": "x", %s, "channel": "sms", "segment": {"orderedWithinDays": 30, "notOrderedWithinDays": 60}}""".formatted(PROMOTION)), 400, null);
        assertProblem(post("""
                {"name": "x", %s, "channel": "sms", "segment": {"language": "not a language!"}}""".formatted(PROMOTION)), 400, null);
        assertProblem(post("""
                {"name": "x", %s, "channel": "sms", "segment": {"orderedWithinDays": -1}}""".formatted(PROMOTION)), 400, null);
        assertProblem(get(mvc, "/api/v1/campaigns/" + UUID.randomUUID()).exchange(), 404, "CAMPAIGN_NOT_FOUND");
        assertProblem(get(mvc, "/api/v1/campaigns/not-a-uuid").exchange(), 404, "CAMPAIGN_NOT_FOUND");
    }

    // --- helpers ---

    private String create(String channel, String segment) {
        return create(channel, segment, null);
    }

    private String create(String channel, String segment, Instant scheduledAt) {
        var result = post("""
                {"name": "Winter sale", %s, "channel": "%s", "segment": %s, "scheduledAt": %s}""".formatted(
                PROMOTION, channel, segment, scheduledAt == null ? "null" : '"' + scheduledAt.toString() + '"'));
        assertThat(result).hasStatus(HttpStatus.CREATED);
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo("scheduled");
        return read(result, "$.id");
    }

    /** Launches every due campaign (this one among them) and checks this one launched. */
    private String launch(String campaignId) {
        launcher.launchDue();
        assertThat(status(campaignId)).isEqualTo("LAUNCHED");
        return campaignId;
    }

    private MvcTestResult post(String body) {
        return json(mvc, HttpMethod.POST, "/api/v1/campaigns", body).exchange();
    }

    private MvcTestResult cancel(String campaignId) {
        return json(mvc, HttpMethod.POST, "/api/v1/campaigns/" + campaignId + "/cancellation", "{}")
                .exchange();
    }

    private static void assertProblem(MvcTestResult result, int status, String code) {
        assertThat(result).hasStatus(status);
        assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
        if (code != null) {
            assertThat(result).bodyJson().extractingPath("$.code").isEqualTo(code);
        }
    }

    private String status(String campaignId) {
        return jdbc.sql("select status from campaign where id = cast(? as uuid)")
                .param(campaignId)
                .query(String.class)
                .single();
    }

    private List<String> recipientsOf(String campaignId) {
        return jdbc.sql("select customer_id from message where origin = 'campaign' and origin_ref = ?")
                .param(campaignId)
                .query(String.class)
                .list();
    }

    private Map<String, Object> counts(String campaignId) {
        var body = get(mvc, "/api/v1/campaigns/" + campaignId).exchange();
        assertThat(body).hasStatusOk();
        return read(body, "$.messages");
    }

    private static <T> T read(MvcTestResult result, String path) {
        try {
            return JsonPath.read(result.getResponse().getContentAsString(StandardCharsets.UTF_8), path);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void moveSome(String campaignId, String change, int how) {
        jdbc.sql("update message set " + change + " where id in (select id from message where origin_ref = ?"
                        + " and status = 'QUEUED' and held_reason is null limit ?)")
                .param(campaignId)
                .param(how)
                .update();
    }

    private static Map<String, Object> row(List<Map<String, Object>> rows, String customerId) {
        return rows.stream()
                .filter(row -> row.get("customer_id").equals(customerId))
                .findFirst()
                .orElseThrow();
    }

    private String customer(String firstName, String language, String... tags) {
        return customer(firstName, language, tags[0], List.of(tags).subList(1, tags.length), "whatsapp", "marketing");
    }

    /** A customer with the tags and one consent granted. */
    private String customer(
            String firstName, String language, String tag, List<String> moreTags, String channel, String purpose) {
        var customerId = uniqueId("c");
        var tags = new ArrayList<String>();
        tags.add('"' + tag + '"');
        moreTags.forEach(more -> tags.add('"' + more + '"'));
        json(mvc, HttpMethod.PUT, "/api/v1/customers/" + customerId, """
                {"phone": "%s", "firstName": %s, "language": "%s", "tags": [%s]}""".formatted(
                        "+346"
                                + String.format(
                                        "%08d", ThreadLocalRandom.current().nextInt(100_000_000)),
                        firstName == null ? "null" : quoted(firstName),
                        language,
                        String.join(", ", tags)))
                .assertThat()
                .hasStatus2xxSuccessful();
        consent(customerId, channel, purpose, "granted");
        return customerId;
    }

    private static String quoted(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private void consent(String customerId, String channel, String purpose, String status) {
        json(
                        mvc,
                        HttpMethod.PUT,
                        "/api/v1/customers/%s/consents/%s/%s".formatted(customerId, channel, purpose),
                        """
                {"status": "%s", "source": "test"}""".formatted(status))
                .assertThat()
                .hasStatus2xxSuccessful();
    }

    private String product(String category) {
        var productId = uniqueId("p");
        json(mvc, HttpMethod.PUT, "/api/v1/products/" + productId, """
                {"title": "Runner X", "url": "https://shop.example/p/runner-x", "category": "%s",
                 "variants": [{"variantId": "v-42", "title": "EU 42", "price": 89.95, "currency": "EUR",
                               "inventory": 5}]}""".formatted(category))
                .assertThat()
                .hasStatus2xxSuccessful();
        return productId;
    }

    private String order(String customerId, String productId, Instant placedAt) {
        var orderId = uniqueId("o");
        json(mvc, HttpMethod.PUT, "/api/v1/orders/" + orderId, """
                {"customerId": "%s", "currency": "EUR", "total": 89.95, "placedAt": "%s",
                 "lines": [{"productId": "%s", "variantId": "v-42", "quantity": 1, "unitPrice": 89.95}]}""".formatted(customerId, placedAt, productId))
                .assertThat()
                .hasStatus2xxSuccessful();
        return orderId;
    }
}
