package io.commerce.journey.journeys;

import static io.commerce.Api.KEY;
import static io.commerce.Api.get;
import static io.commerce.Api.json;
import static io.commerce.Api.order;
import static io.commerce.Api.product;
import static io.commerce.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.commerce.CustomerReplies;
import io.commerce.IntegrationTest;
import io.commerce.TestClock;
import io.commerce.journey.engine.JourneyRunner;
import io.commerce.messaging.sms.SmsSecrets;
import io.commerce.messaging.whatsapp.WhatsAppSecrets;
import io.commerce.order.OrderDelivered;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The delivery-feedback journey end to end: orders delivered through the API, time moved with the test
 * clock, the customer's answers posted through the real WhatsApp and SMS webhooks, the runner run by hand,
 * and the outcome read from the outbox, the enrollment, the feedback and handoff tables and the API.
 */
@IntegrationTest
class DeliveryFeedbackJourneyTest {

    private static final String SHIPMENT = """
            {"carrier": "DHL", "trackingNumber": "JD0146", "trackingUrl": "https://dhl.example/JD0146"}""";
    private static final Duration ASK_AFTER = Duration.ofHours(2);

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JourneyRunner runner;

    @Autowired
    DeliveryFeedbackJourney journey;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    WhatsAppSecrets whatsAppSecrets;

    @Autowired
    SmsSecrets smsSecrets;

    @Autowired
    MeterRegistry meters;

    String customerId;
    String productId;
    String phone;
    CustomerReplies customer;

    @BeforeEach
    void customerWhoAllowsWhatsApp() {
        customerId = uniqueId("c");
        productId = uniqueId("p");
        phone = "+346" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        customer = new CustomerReplies(mvc, whatsAppSecrets, smsSecrets, clock, phone);
        mirror("en");
        consent("whatsapp", "transactional", "granted");
        consent("whatsapp", "marketing", "granted");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theRatingQuestionGoesAfterTheDelayAsATransactionalTemplate() {
        var orderId = deliveredOrder();

        run();
        assertThat(messages()).isEmpty();

        clock.advance(ASK_AFTER);
        run();

        assertThat(messages()).singleElement().satisfies(question -> {
            assertThat(question.get("template_key")).isEqualTo("delivery_feedback");
            assertThat(question.get("channel")).isEqualTo("WHATSAPP");
            assertThat(question.get("purpose")).isEqualTo("TRANSACTIONAL");
            assertThat(question.get("category")).isEqualTo("UTILITY");
            assertThat(question.get("origin")).isEqualTo("delivery_feedback/0");
            assertThat(question.get("origin_ref"))
                    .isEqualTo(enrollment(orderId).get("id").toString());
            assertThat((String) question.get("sms_text")).contains(orderId, "from 1 to 5");
        });
        assertThat(enrollment(orderId))
                .containsEntry("status", "ACTIVE")
                .containsEntry("step", 1)
                .containsEntry("awaiting_reply", true);
    }

    @Test
    void aFiveIsKeptAndGetsTheReviewLinkOnWhatsApp() {
        var orderId = deliveredOrder();
        var question = askedForRating();

        customer.tapTemplateButton(question, "RATING_5", "5");
        run();

        assertThat(feedback(orderId))
                .containsEntry("rating", 5)
                .containsEntry("channel", "WHATSAPP")
                .containsEntry("reason", null);
        var review = lastMessage();
        assertThat(review.get("template_key")).isNull();
        assertThat(review.get("channel")).isEqualTo("WHATSAPP");
        assertThat(review.get("purpose")).isEqualTo("MARKETING");
        assertThat(review.get("origin")).isEqualTo("delivery_feedback/1");
        assertThat(review.get("content").toString())
                .contains("\"kind\": \"ctaUrl\"", "Write a review", "https://shop.example/p/runner-x", "Runner X");
        assertThat(enrollment(orderId))
                .containsEntry("status", "CONVERTED")
                .containsEntry("exit_reason", "REVIEW_REQUESTED");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTwoGetsTheReasonsThenYesHandsTheConversationToAnAgent() {
        var orderId = deliveredOrder();
        var handoffsBefore = handoffsCounted("shipping");

        customer.tapTemplateButton(askedForRating(), "RATING_2", "2");
        run();
        var reasons = lastMessage();
        assertThat(reasons.get("purpose")).isEqualTo("TRANSACTIONAL");
        assertThat(reasons.get("content").toString())
                .contains("\"kind\": \"list\"", "REASON_SHIPPING", "REASON_QUALITY", "REASON_SERVICE", "Sara");

        customer.chooseRow(sent(reasons), "REASON_SHIPPING", "Shipping");
        run();
        var offer = lastMessage();
        assertThat(offer.get("content").toString()).contains("\"kind\": \"buttons\"", "AGENT_YES", "AGENT_NO");
        assertThat(feedback(orderId)).containsEntry("rating", 2).containsEntry("reason", "SHIPPING");

        customer.tapButton(sent(offer), "AGENT_YES", "Yes, please");
        run();

        assertThat(lastMessage().get("content").toString()).contains("\"kind\": \"text\"", "A colleague");
        assertThat(enrollment(orderId)).containsEntry("status", "COMPLETED");
        assertThat(handoffsCounted("shipping")).isEqualTo(handoffsBefore + 1);
        assertThat(get(mvc, "/api/v1/handoffs?status=open&size=500"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.items[?(@.orderId == '%s')]".formatted(orderId))
                .asArray()
                .singleElement()
                .satisfies(handoff -> assertThat((Map<String, Object>) handoff)
                        .containsEntry("customerId", customerId)
                        .containsEntry("rating", 2)
                        .containsEntry("reason", "shipping")
                        .containsEntry("status", "open")
                        .containsEntry("conversation", "/api/v1/customers/" + customerId + "/conversation")
                        .containsKey("createdAt"));
        // the handoff is the customer's conversation, waiting in the agents' queue with the order attached
        var conversationId = jdbc.sql("select conversation_id::text from handoff where order_id = ?")
                .param(orderId)
                .query(String.class)
                .single();
        assertThat(get(mvc, "/api/v1/conversations/" + conversationId))
                .hasStatusOk()
                .bodyJson()
                .satisfies(conversation -> {
                    assertThat(conversation).extractingPath("$.customerId").isEqualTo(customerId);
                    assertThat(conversation).extractingPath("$.waitingSince").isNotNull();
                    assertThat(conversation).extractingPath("$.order.orderId").isEqualTo(orderId);
                    assertThat(conversation).extractingPath("$.order.rating").isEqualTo(2);
                    assertThat(conversation).extractingPath("$.order.reason").isEqualTo("shipping");
                });
        // the agent sees what was asked: interactive messages show their words in the conversation
        assertThat(get(mvc, "/api/v1/customers/" + customerId + "/conversation"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[?(@.type == 'buttons')].text")
                .asArray()
                .singleElement()
                .asString()
                .isNotBlank();
    }

    @Test
    void anAgentClosesAHandoffOnce() {
        var orderId = deliveredOrder();
        customer.tapTemplateButton(askedForRating(), "RATING_3", "3");
        run();
        customer.chooseRow(sent(lastMessage()), "REASON_SERVICE", "Service");
        run();
        customer.tapButton(sent(lastMessage()), "AGENT_YES", "Yes, please");
        run();
        var handoffId = jdbc.sql("select id::text from handoff where order_id = ?")
                .param(orderId)
                .query(String.class)
                .single();

        assertThat(json(mvc, HttpMethod.POST, "/api/v1/handoffs/" + handoffId + "/closure", ""))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("closed");
        assertThat(json(mvc, HttpMethod.POST, "/api/v1/handoffs/" + handoffId + "/closure", ""))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("HANDOFF_ALREADY_CLOSED");
        assertThat(get(mvc, "/api/v1/handoffs?status=open&size=500"))
                .bodyJson()
                .extractingPath("$.items[?(@.orderId == '%s')]".formatted(orderId))
                .asArray()
                .isEmpty();
        assertThat(get(mvc, "/api/v1/handoffs?status=closed&size=500"))
                .bodyJson()
                .extractingPath("$.items[?(@.orderId == '%s')].closedAt".formatted(orderId))
                .asArray()
                .hasSize(1);
    }

    @Test
    void unknownHandoffsAre404AndAnUnknownStatusIs400() {
        assertThat(json(mvc, HttpMethod.POST, "/api/v1/handoffs/" + UUID.randomUUID() + "/closure", ""))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("HANDOFF_NOT_FOUND");
        assertThat(json(mvc, HttpMethod.POST, "/api/v1/handoffs/not-a-uuid/closure", ""))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(get(mvc, "/api/v1/handoffs?status=pending")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(get(mvc, "/api/v1/feedback/summary?from=yesterday")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void noThanksOpensNoHandoffAndTheCustomersOwnWordsAreKept() {
        var orderId = deliveredOrder();
        var handoffsBefore = handoffsCounted("other");
        customer.tapTemplateButton(askedForRating(), "RATING_1", "1");
        run();
        sent(lastMessage());

        customer.writeOnWhatsApp("The box arrived crushed");
        run();
        customer.tapButton(sent(lastMessage()), "AGENT_NO", "No, thanks");
        run();

        assertThat(feedback(orderId))
                .containsEntry("rating", 1)
                .containsEntry("reason", "OTHER")
                .containsEntry("comment", "The box arrived crushed");
        assertThat(lastMessage().get("content").toString()).contains("Thank you for your feedback");
        assertThat(handoffs(orderId)).isZero();
        assertThat(handoffsCounted("other")).isEqualTo(handoffsBefore);
        assertThat(enrollment(orderId)).containsEntry("status", "COMPLETED");
    }

    @Test
    void withoutARatingTheEnrollmentExitsWhenTheRatingTimeoutEnds() {
        var orderId = deliveredOrder();
        askedForRating();

        clock.advance(Duration.ofDays(2).minusMinutes(1));
        run();
        assertThat(enrollment(orderId)).containsEntry("status", "ACTIVE");

        clock.advance(Duration.ofMinutes(2));
        run();

        assertThat(enrollment(orderId)).containsEntry("status", "EXITED").containsEntry("exit_reason", "NO_RATING");
        assertThat(feedbackCount(orderId)).isZero();
        assertThat(messages()).hasSize(1);
    }

    @Test
    void withoutAReasonTheEnrollmentExitsWhenTheReasonTimeoutEndsAndTheRatingStays() {
        var orderId = deliveredOrder();
        customer.tapTemplateButton(askedForRating(), "RATING_2", "2");
        run();

        clock.advance(Duration.ofDays(1).minusMinutes(1));
        run();
        assertThat(enrollment(orderId)).containsEntry("status", "ACTIVE");
        clock.advance(Duration.ofMinutes(2));
        run();

        assertThat(enrollment(orderId)).containsEntry("status", "EXITED").containsEntry("exit_reason", "NO_REASON");
        assertThat(feedback(orderId)).containsEntry("rating", 2).containsEntry("reason", null);
        assertThat(messages()).hasSize(2);
    }

    @Test
    void withoutAnAnswerToTheOfferTheEnrollmentCompletesQuietly() {
        var orderId = deliveredOrder();
        customer.tapTemplateButton(askedForRating(), "RATING_2", "2");
        run();
        customer.chooseRow(sent(lastMessage()), "REASON_QUALITY", "Product quality");
        run();

        clock.advance(Duration.ofDays(1).minusMinutes(1));
        run();
        assertThat(enrollment(orderId)).containsEntry("status", "ACTIVE");
        clock.advance(Duration.ofMinutes(2));
        run();

        assertThat(enrollment(orderId)).containsEntry("status", "COMPLETED");
        assertThat(handoffs(orderId)).isZero();
        assertThat(messages()).hasSize(3); // question, reasons, offer: no thanks after silence
        assertThat(feedback(orderId)).containsEntry("reason", "QUALITY");
    }

    @Test
    void anSmsFourIsKeptAndGetsTheReviewTemplateBySms() {
        onlySms();
        var orderId = deliveredOrder();
        var question = askedForRatingMessage();
        assertThat(question.get("channel")).isEqualTo("SMS");
        assertThat((String) question.get("sms_text")).contains("Reply with a number");

        customer.textBySms("4");
        run();

        assertThat(feedback(orderId)).containsEntry("rating", 4).containsEntry("channel", "SMS");
        var review = lastMessage();
        assertThat(review.get("template_key")).isEqualTo("review_request");
        assertThat(review.get("channel")).isEqualTo("SMS");
        assertThat(review.get("purpose")).isEqualTo("MARKETING");
        assertThat(review.get("category")).isEqualTo("MARKETING");
        assertThat((String) review.get("sms_text")).contains("Sara", "Runner X", "https://shop.example/p/runner-x");
        assertThat(enrollment(orderId)).containsEntry("status", "CONVERTED");
    }

    @Test
    void anSmsLowRatingGetsNumberedReasonsAndYesOrNo() {
        onlySms();
        var orderId = deliveredOrder();
        askedForRatingMessage();

        customer.textBySms("2 stars");
        run();
        var reasons = lastMessage();
        assertThat(reasons.get("channel")).isEqualTo("SMS");
        assertThat((String) reasons.get("sms_text")).contains("1 Shipping", "2 Product quality", "3 Service");

        customer.textBySms("1");
        run();
        assertThat((String) lastMessage().get("sms_text")).contains("Reply YES or NO");

        customer.textBySms("yes");
        run();

        assertThat(feedback(orderId)).containsEntry("rating", 2).containsEntry("reason", "SHIPPING");
        assertThat(handoffs(orderId)).isEqualTo(1);
        assertThat(lastMessage().get("channel")).isEqualTo("SMS");
    }

    @Test
    void aSpanishCustomerIsAskedInSpanishAndMayAnswerInWords() {
        mirror("es");
        var orderId = deliveredOrder();
        customer.tapTemplateButton(askedForRating(), "RATING_3", "3");
        run();
        assertThat(lastMessage().get("content").toString())
                .contains("Lamentamos", "Envío", "Calidad del producto", "Atención al cliente");
        sent(lastMessage());

        customer.writeOnWhatsApp("2");
        run();
        assertThat(lastMessage().get("content").toString()).contains("Sí, por favor", "No, gracias");
        sent(lastMessage());

        customer.writeOnWhatsApp("¡Sí!");
        run();

        assertThat(feedback(orderId)).containsEntry("reason", "QUALITY");
        assertThat(handoffs(orderId)).isEqualTo(1);
        assertThat(lastMessage().get("content").toString()).contains("Un compañero");
    }

    @Test
    void whileTheRatingIsAwaitedAskingForPointsIsAnsweredByLoyaltyNotTakenAsARating() {
        var orderId = deliveredOrder();
        askedForRating();

        customer.writeOnWhatsApp("points");
        customer.chooseRow(null, "LOYALTY_REDEEM:five-off", "5 off");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> messages().stream()
                                .filter(message -> "conversation/loyalty".equals(message.get("origin")))
                                .count()
                        == 2);
        run();
        assertThat(enrollment(orderId)).containsEntry("status", "ACTIVE").containsEntry("awaiting_reply", true);
        assertThat(messages()).noneMatch(message -> "delivery_feedback/1".equals(message.get("origin")));
    }

    @Test
    void anUnreadableRatingIsAskedOnceMoreThenGivenUp() {
        var orderId = deliveredOrder();
        askedForRating();

        customer.writeOnWhatsApp("it was fine I guess");
        run();
        assertThat(lastMessage().get("content").toString()).contains("number from 1 (poor) to 5 (great)");
        assertThat(enrollment(orderId)).containsEntry("status", "ACTIVE").containsEntry("awaiting_reply", true);

        customer.writeOnWhatsApp("dunno");
        run();

        assertThat(enrollment(orderId))
                .containsEntry("status", "EXITED")
                .containsEntry("exit_reason", "UNREADABLE_RATING");
        assertThat(feedbackCount(orderId)).isZero();
    }

    @Test
    void aReplyNobodyWaitsForChangesNothingOfTheJourneyAndIsLeftToCustomerService() {
        var orderId = deliveredOrder();
        var question = askedForRating();
        customer.tapTemplateButton(question, "RATING_5", "5");
        run();
        var before = messages().size();
        var ended = enrollment(orderId);

        customer.tapTemplateButton(question, "RATING_1", "1");
        customer.writeOnWhatsApp("yes");
        run();

        assertThat(messages().subList(before, messages().size()))
                .as("only customer service answers what no journey waits for")
                .allSatisfy(
                        message -> assertThat((String) message.get("origin")).startsWith("conversation/"));
        assertThat(feedback(orderId)).containsEntry("rating", 5);
        assertThat(handoffs(orderId)).isZero();
        assertThat(enrollment(orderId)).isEqualTo(ended);
    }

    @Test
    void withoutMarketingConsentAHappyCustomerGetsNoReviewRequestButTheRatingStays() {
        consent("whatsapp", "marketing", "withdrawn");
        var orderId = deliveredOrder();

        customer.tapTemplateButton(askedForRating(), "RATING_5", "5");
        run();

        assertThat(feedback(orderId)).containsEntry("rating", 5);
        assertThat(messages()).hasSize(1);
        assertThat(enrollment(orderId))
                .containsEntry("status", "EXITED")
                .containsEntry("exit_reason", "CONSENT_REQUIRED");
    }

    @Test
    void aCancelledOrderExitsBeforeAnythingIsAsked() {
        var orderId = placedAndShipped();
        journey.on(new OrderDelivered(orderId, customerId, clock.instant()));
        json(mvc, HttpMethod.POST, "/api/v1/orders/" + orderId + "/cancellation", "{}")
                .assertThat()
                .hasStatusOk();

        clock.advance(ASK_AFTER);
        run();

        assertThat(enrollment(orderId))
                .containsEntry("status", "EXITED")
                .containsEntry("exit_reason", "ORDER_CANCELLED");
        assertThat(messages()).isEmpty();
    }

    @Test
    void aRepeatedDeliveryEventEnrollsOnce() {
        var orderId = deliveredOrder();
        journey.on(new OrderDelivered(orderId, customerId, clock.instant()));
        clock.advance(ASK_AFTER);
        journey.on(new OrderDelivered(orderId, customerId, clock.instant()));

        run();

        assertThat(jdbc.sql("select count(*) from enrollment where journey = 'delivery_feedback' and trigger_id = ?")
                        .param(orderId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(messages()).hasSize(1);
    }

    @Test
    void aDeliveryReportedLateIsAskedAboutAtOnce() {
        var orderId = placedAndShipped();
        json(mvc, HttpMethod.POST, "/api/v1/orders/" + orderId + "/delivery", """
                {"deliveredAt": "%s"}""".formatted(
                                clock.instant().minus(Duration.ofDays(1))))
                .assertThat()
                .hasStatusOk();
        awaitEnrollment(orderId);

        run();

        assertThat(messages())
                .singleElement()
                .satisfies(m -> assertThat(m.get("template_key")).isEqualTo("delivery_feedback"));
    }

    @Test
    void ratingsAreSummarisedByRatingAndReason() {
        // far in the future, so this window holds only this test's ratings
        clock.advance(Duration.ofDays(20_000 + ThreadLocalRandom.current().nextInt(10_000)));
        var from = clock.instant();
        deliveredOrder();
        customer.tapTemplateButton(askedForRating(), "RATING_5", "5");
        run();
        deliveredOrder();
        customer.tapTemplateButton(askedForRating(), "RATING_2", "2");
        run();
        customer.chooseRow(sent(lastMessage()), "REASON_SHIPPING", "Shipping");
        run();

        var summary = get(mvc, "/api/v1/feedback/summary?from=%s&to=%s".formatted(from, clock.instant()));

        assertThat(summary).hasStatusOk().bodyJson().satisfies(body -> {
            assertThat(body).extractingPath("$.count").isEqualTo(2);
            assertThat(body).extractingPath("$.average").isEqualTo(3.5);
            assertThat(body).extractingPath("$.distribution").isEqualTo(Map.of("1", 0, "2", 1, "3", 0, "4", 0, "5", 1));
            assertThat(body).extractingPath("$.byReason.shipping").isEqualTo(1);
            assertThat(body).extractingPath("$.byReason.quality").isEqualTo(0);
        });
    }

    @Test
    void theExportShowsRatingsAndHandoffsAndErasureForgetsTheCustomersWords() {
        var orderId = deliveredOrder();
        customer.tapTemplateButton(askedForRating(), "RATING_1", "1");
        run();
        sent(lastMessage());
        customer.writeOnWhatsApp("Nobody answered my emails");
        run();
        customer.tapButton(sent(lastMessage()), "AGENT_YES", "Yes, please");
        run();

        assertThat(get(mvc, "/api/v1/customers/" + customerId + "/export"))
                .hasStatusOk()
                .bodyJson()
                .satisfies(body -> {
                    assertThat(body)
                            .extractingPath("$.feedback.ratings[0].comment")
                            .isEqualTo("Nobody answered my emails");
                    assertThat(body)
                            .extractingPath("$.feedback.ratings[0].reason")
                            .isEqualTo("other");
                    assertThat(body)
                            .extractingPath("$.feedback.handoffs[0].orderId")
                            .isEqualTo(orderId);
                });

        assertThat(mvc.delete().uri("/api/v1/customers/" + customerId).header("X-Api-Key", KEY))
                .hasStatus(HttpStatus.NO_CONTENT);

        assertThat(feedback(orderId)).containsEntry("rating", 1).containsEntry("comment", null);
        assertThat(handoffs(orderId)).isZero();
    }

    // --- the scenario's moves

    private void mirror(String language) {
        json(mvc, HttpMethod.PUT, "/api/v1/customers/" + customerId, """
                {"phone": "%s", "firstName": "Sara", "language": "%s"}""".formatted(phone, language))
                .assertThat()
                .hasStatus2xxSuccessful();
        json(mvc, HttpMethod.PUT, "/api/v1/products/" + productId, product(5, "89.95"))
                .assertThat()
                .hasStatus2xxSuccessful();
    }

    private void consent(String channel, String purpose, String status) {
        json(
                        mvc,
                        HttpMethod.PUT,
                        "/api/v1/customers/%s/consents/%s/%s".formatted(customerId, channel, purpose),
                        """
                {"status": "%s", "source": "test"}""".formatted(status))
                .assertThat()
                .hasStatus2xxSuccessful();
    }

    private void onlySms() {
        consent("whatsapp", "transactional", "withdrawn");
        consent("whatsapp", "marketing", "withdrawn");
        consent("sms", "transactional", "granted");
        consent("sms", "marketing", "granted");
    }

    private String placedAndShipped() {
        var orderId = uniqueId("o");
        json(mvc, HttpMethod.PUT, "/api/v1/orders/" + orderId, order(customerId, null, productId))
                .assertThat()
                .hasStatus2xxSuccessful();
        json(mvc, HttpMethod.POST, "/api/v1/orders/" + orderId + "/shipments", SHIPMENT)
                .assertThat()
                .hasStatus2xxSuccessful();
        return orderId;
    }

    private String deliveredOrder() {
        var orderId = placedAndShipped();
        json(mvc, HttpMethod.POST, "/api/v1/orders/" + orderId + "/delivery", "{}")
                .assertThat()
                .hasStatusOk();
        awaitEnrollment(orderId);
        return orderId;
    }

    /** The question goes once the delay has passed; returns the provider id it was sent under. */
    private String askedForRating() {
        return sent(askedForRatingMessage());
    }

    private Map<String, Object> askedForRatingMessage() {
        clock.advance(ASK_AFTER);
        run();
        var question = lastMessage();
        assertThat(question.get("template_key")).isEqualTo("delivery_feedback");
        return question;
    }

    /** Runs the due steps of this customer's delivery feedback; other tests' enrollments are parked. */
    private void run() {
        awaitEventsHandled();
        jdbc.sql("""
                        update enrollment set next_run_at = 'infinity'
                         where status = 'ACTIVE' and not (customer_id = ? and journey = 'delivery_feedback')
                        """).param(customerId).update();
        runner.runOnce();
    }

    /** Marks our message sent, as the dispatcher would, and returns its provider id for the customer to answer. */
    private String sent(Map<String, Object> message) {
        var wamid = "wamid.OURS" + message.get("id");
        jdbc.sql("update message set status = 'SENT', provider_message_id = ? where id = ?")
                .param(wamid)
                .param(message.get("id"))
                .update();
        return wamid;
    }

    // --- what happened

    private void awaitEnrollment(String orderId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> enrollments(orderId) == 1);
    }

    /** Events about this customer (a delivery, a reply) are handled after commit, asynchronously. */
    private void awaitEventsHandled() {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("select count(*) from event_publication where serialized_event like ?")
                                .param("%" + customerId + "%")
                                .query(Long.class)
                                .single()
                        == 0);
    }

    private long enrollments(String orderId) {
        return jdbc.sql("select count(*) from enrollment where journey = 'delivery_feedback' and trigger_id = ?")
                .param(orderId)
                .query(Long.class)
                .single();
    }

    private Map<String, Object> enrollment(String orderId) {
        return jdbc.sql("""
                        select id, status, step, exit_reason, awaiting_reply, next_run_at from enrollment
                         where journey = 'delivery_feedback' and trigger_id = ?
                        """).param(orderId).query().singleRow();
    }

    private List<Map<String, Object>> messages() {
        return jdbc.sql("""
                        select id, template_key, sms_text, channel, purpose, category, origin, origin_ref,
                               content::text as content
                          from message where customer_id = ? order by created_at, id
                        """).param(customerId).query().listOfRows();
    }

    private Map<String, Object> lastMessage() {
        return messages().getLast();
    }

    private Map<String, Object> feedback(String orderId) {
        return jdbc.sql("select rating::int as rating, reason, comment, channel from feedback where order_id = ?")
                .param(orderId)
                .query()
                .singleRow();
    }

    private long feedbackCount(String orderId) {
        return jdbc.sql("select count(*) from feedback where order_id = ?")
                .param(orderId)
                .query(Long.class)
                .single();
    }

    private long handoffs(String orderId) {
        return jdbc.sql("select count(*) from handoff where order_id = ?")
                .param(orderId)
                .query(Long.class)
                .single();
    }

    private double handoffsCounted(String reason) {
        return meters.counter("journey.handoffs", "reason", reason).count();
    }
}
