package io.commerce.loyalty;

import static io.commerce.Api.json;
import static io.commerce.Api.uniqueId;
import static io.commerce.messaging.MessagingFixtures.consent;
import static org.assertj.core.api.Assertions.assertThat;

import io.commerce.IntegrationTest;
import io.commerce.TestClock;
import io.commerce.messaging.MessagingFixtures;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * What loyalty tells customers unasked: points available once pending (a utility template, with transactional
 * consent) and a reminder 14 days before points lapse (a marketing template: only with marketing consent).
 */
@IntegrationTest
class LoyaltyNoticesTest {

    private static final Instant T = Instant.parse("2033-05-10T12:00:00Z");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    Notices notices;

    @Autowired
    LoyaltyService loyalty;

    private String customerId;

    @BeforeEach
    void customerWithConsents() {
        loyalty.setProgram(new LoyaltyProgram(null, null, Period.ofDays(14), null, null, null, null, null, null));
        customerId = uniqueId("notice");
        json(mvc, HttpMethod.PUT, "/api/v1/customers/" + customerId, """
                {"phone": "%s", "firstName": "Ana", "language": "es", "timezone": "Europe/Madrid"}""".formatted(MessagingFixtures.uniquePhone()))
                .assertThat()
                .hasStatus2xxSuccessful();
        consent(mvc, customerId, "whatsapp", "transactional", "granted");
        clock.moveTo(T);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void pointsThatBecomeAvailableAreAnnouncedOnceWithTheBalance() {
        loyalty.adjust(customerId, new Adjustment(40, "earlier")); // available at once: not announced
        jdbc.sql("""
                        insert into loyalty_entry (customer_id, kind, points, available_at, expires_at, spend, spend_at,
                                                   reference, created_at)
                        values (:id, 'ORDER', 89, :available, :expires, 89.95, :at, 'o-1', :at)
                        """)
                .param("id", customerId)
                .param("available", Timestamp.from(T.plus(Duration.ofDays(14))))
                .param("expires", Timestamp.from(T.plus(Duration.ofDays(400))))
                .param("at", Timestamp.from(T))
                .update(); // as the order's delivery wrote it

        clock.moveTo(T.plus(Duration.ofDays(14)).plusSeconds(30));
        notices.announceAvailable(
                T.plus(Duration.ofDays(13)), T.plus(Duration.ofDays(14)).plusSeconds(30));

        assertThat(sent("loyalty_points_available"))
                .singleElement()
                .satisfies(content ->
                        assertThat(content).contains("\"points\": \"89\"").contains("\"balance\": \"129\""));
    }

    @Test
    void aReminderComesFourteenDaysBeforePointsLapseOnlyWithMarketingConsent() {
        loyalty.adjust(customerId, new Adjustment(60, "gift")); // lapses 12 months later
        var lapse = T.atZone(ZoneOffset.UTC).plusMonths(12).toInstant();
        var reminderDue = lapse.minus(Duration.ofDays(14));
        clock.moveTo(reminderDue.plusSeconds(60));

        notices.remindLapsing(reminderDue.minusSeconds(60), reminderDue.plusSeconds(60));
        assertThat(sent("loyalty_points_expiring")).isEmpty(); // no marketing consent

        consent(mvc, customerId, "whatsapp", "marketing", "granted");
        notices.remindLapsing(reminderDue.minusSeconds(60), reminderDue.plusSeconds(60));
        assertThat(sent("loyalty_points_expiring"))
                .singleElement()
                .satisfies(content ->
                        assertThat(content).contains("\"points\": \"60\"").contains("10 de mayo de 2034"));
    }

    private List<String> sent(String template) {
        return jdbc.sql("select content::text from message where customer_id = :id and template_key = :template")
                .param("id", customerId)
                .param("template", template)
                .query(String.class)
                .list();
    }
}
