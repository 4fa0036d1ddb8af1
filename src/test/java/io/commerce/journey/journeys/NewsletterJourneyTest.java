package io.commerce.journey.journeys;

import static io.commerce.Api.get;
import static io.commerce.Api.uniqueId;
import static io.commerce.journey.journeys.LifecycleFixtures.awaitEnrollment;
import static io.commerce.journey.journeys.LifecycleFixtures.consent;
import static io.commerce.journey.journeys.LifecycleFixtures.customer;
import static io.commerce.journey.journeys.LifecycleFixtures.enrollment;
import static io.commerce.journey.journeys.LifecycleFixtures.enrollmentsOf;
import static io.commerce.journey.journeys.LifecycleFixtures.messages;
import static io.commerce.journey.journeys.LifecycleFixtures.smsFrom;
import static io.commerce.journey.journeys.LifecycleFixtures.uniquePhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.commerce.IntegrationTest;
import io.commerce.TestClock;
import io.commerce.consent.ConsentGranted;
import io.commerce.consent.ConsentService;
import io.commerce.consent.ConsentStatus;
import io.commerce.journey.engine.JourneyRunner;
import io.commerce.messaging.sms.SmsSecrets;
import io.commerce.promotion.DiscountKind;
import io.commerce.promotion.PromotionService;
import io.commerce.shared.Channel;
import io.commerce.shared.Purpose;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class NewsletterJourneyTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JourneyRunner runner;

    @Autowired
    NewsletterJourney journey;

    @Autowired
    ConsentService consents;

    @Autowired
    PromotionService promotions;

    @Autowired
    SmsSecrets secrets;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    String customerId = uniqueId("c");
    String phone = uniquePhone();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void smsMarketingConsentBringsAnSmsInvitationAnHourLater() {
        allowsSmsOffers("en");

        run();
        assertThat(messages(jdbc, customerId)).isEmpty();
        clock.advance(Duration.ofHours(1));
        run();

        assertThat(messages(jdbc, customerId)).singleElement().satisfies(message -> {
            assertThat(message.get("template_key")).isEqualTo("newsletter_invite");
            assertThat(message.get("channel")).isEqualTo("SMS");
            assertThat(message.get("purpose")).isEqualTo("MARKETING");
            assertThat(message.get("category")).isEqualTo("MARKETING");
            assertThat((String) message.get("sms_text")).contains("Reply YES to join");
        });
        assertThat(enrollment(jdbc, NewsletterJourney.NAME, customerId))
                .containsEntry("status", "ACTIVE")
                .containsEntry("awaiting_reply", true);
    }

    @Test
    void aYesRecordsWhatsAppConsentWithTheAnswerAsEvidenceAndSendsTheWelcomeCodeOnWhatsApp() {
        invited("en");

        answer("Yes!");
        run(); // the answer: consent
        run(); // the welcome

        var whatsapp = consents.consents(customerId).current().stream()
                .filter(c -> c.channel() == Channel.WHATSAPP && c.purpose() == Purpose.MARKETING)
                .findFirst()
                .orElseThrow();
        assertThat(whatsapp.status()).isEqualTo(ConsentStatus.GRANTED);
        assertThat(whatsapp.source()).isEqualTo("newsletter-sms-optin");
        assertThat(whatsapp.evidence()).contains("\"Yes!\"", "newsletter invitation");
        var code = promotions.codesOf(customerId).getFirst();
        assertThat(code.reason()).isEqualTo("newsletter");
        assertThat(code.kind()).isEqualTo(DiscountKind.AMOUNT);
        assertThat(code.value()).isEqualByComparingTo(BigDecimal.valueOf(5));
        assertThat(code.currency()).isEqualTo("EUR");
        assertThat(code.minimumSpend()).isEqualByComparingTo(BigDecimal.valueOf(30));
        get(mvc, "/api/v1/customers/" + customerId + "/discount-codes")
                .assertThat()
                .bodyJson()
                .extractingPath("$[0].code")
                .isEqualTo(code.code());
        assertThat(messages(jdbc, customerId)).last().satisfies(message -> {
            assertThat(message.get("template_key")).isEqualTo("welcome_code");
            assertThat(message.get("channel")).isEqualTo("WHATSAPP");
            assertThat(message.get("purpose")).isEqualTo("MARKETING");
            assertThat((String) message.get("sms_text")).contains(code.code(), "€5.00", "€30.00");
        });
        assertThat(enrollment(jdbc, NewsletterJourney.NAME, customerId))
                .containsEntry("status", "CONVERTED")
                .containsEntry("exit_reason", "OPTED_IN");
    }

    @Test
    void aSpanishSiOptsInAndTheWelcomeIsInSpanish() {
        invited("es");

        answer("  sí. ");
        run();
        run();

        assertThat(consents.isGranted(customerId, Channel.WHATSAPP, Purpose.MARKETING))
                .isTrue();
        assertThat(messages(jdbc, customerId))
                .last()
                .satisfies(message -> assertThat((String) message.get("sms_text"))
                        .startsWith("¡Bienvenido/a Sara!")
                        .contains("5,00 €", "30,00 €"));
    }

    @Test
    void aNoEndsWithoutConsentOrCode() {
        invited("en");

        answer("No thanks");
        run();

        assertThat(enrollment(jdbc, NewsletterJourney.NAME, customerId))
                .containsEntry("status", "COMPLETED")
                .containsEntry("exit_reason", "NO_OPT_IN");
        assertThat(consents.isGranted(customerId, Channel.WHATSAPP, Purpose.MARKETING))
                .isFalse();
        assertThat(promotions.codesOf(customerId)).isEmpty();
        assertThat(messages(jdbc, customerId)).hasSize(1);
    }

    @Test
    void noAnswerWithinThreeDaysEndsTheJourney() {
        invited("en");

        clock.advance(Duration.ofDays(3).minusMinutes(1));
        run();
        assertThat(enrollment(jdbc, NewsletterJourney.NAME, customerId)).containsEntry("status", "ACTIVE");
        clock.advance(Duration.ofMinutes(1));
        run();

        assertThat(enrollment(jdbc, NewsletterJourney.NAME, customerId))
                .containsEntry("status", "COMPLETED")
                .containsEntry("exit_reason", "NO_OPT_IN");
        assertThat(consents.isGranted(customerId, Channel.WHATSAPP, Purpose.MARKETING))
                .isFalse();
    }

    @Test
    void aCustomerAlreadyOnWhatsAppOffersIsNotInvited() {
        allowsSmsOffers("en");
        consent(mvc, customerId, "whatsapp", "marketing", "granted");

        clock.advance(Duration.ofHours(1));
        run();

        assertThat(enrollment(jdbc, NewsletterJourney.NAME, customerId))
                .containsEntry("status", "EXITED")
                .containsEntry("exit_reason", "ALREADY_SUBSCRIBED");
        assertThat(messages(jdbc, customerId)).isEmpty();
    }

    @Test
    void startIsAMessagingKeywordNotAnAnswer() {
        invited("en");

        smsFrom(mvc, secrets, phone, "START");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> messages(jdbc, customerId).size() == 2);

        assertThat(messages(jdbc, customerId).getLast().get("template_key")).isEqualTo("optin_confirmation");
        assertThat(enrollment(jdbc, NewsletterJourney.NAME, customerId)).containsEntry("awaiting_reply", true);
        assertThat(consents.isGranted(customerId, Channel.WHATSAPP, Purpose.MARKETING))
                .isFalse();
    }

    @Test
    void withdrawnSmsConsentStopsTheInvitation() {
        allowsSmsOffers("en");
        consent(mvc, customerId, "sms", "marketing", "withdrawn");

        clock.advance(Duration.ofHours(1));
        run();

        assertThat(enrollment(jdbc, NewsletterJourney.NAME, customerId))
                .containsEntry("status", "EXITED")
                .containsEntry("exit_reason", "CONSENT_REQUIRED");
        assertThat(messages(jdbc, customerId)).isEmpty();
    }

    @Test
    void aCustomerIsInvitedOnceHoweverOftenSmsOffersAreGranted() {
        allowsSmsOffers("en");

        journey.on(new ConsentGranted(customerId, Channel.SMS, Purpose.MARKETING, "settings", clock.instant()));
        consent(mvc, customerId, "sms", "marketing", "withdrawn");
        consent(mvc, customerId, "sms", "marketing", "granted");

        assertThat(enrollmentsOf(jdbc, NewsletterJourney.NAME, customerId)).hasSize(1);
    }

    private void allowsSmsOffers(String language) {
        customer(mvc, customerId, phone, language);
        consent(mvc, customerId, "sms", "marketing", "granted");
        awaitEnrollment(jdbc, NewsletterJourney.NAME, customerId);
    }

    private void invited(String language) {
        allowsSmsOffers(language);
        clock.advance(Duration.ofHours(1));
        run();
        assertThat(messages(jdbc, customerId)).hasSize(1);
    }

    /** The customer's SMS, handed to the waiting enrollment. */
    private void answer(String text) {
        smsFrom(mvc, secrets, phone, text);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                !(Boolean) enrollment(jdbc, NewsletterJourney.NAME, customerId).get("awaiting_reply"));
    }

    private void run() {
        LifecycleFixtures.run(jdbc, runner, NewsletterJourney.NAME, customerId);
    }
}
