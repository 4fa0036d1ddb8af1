package io.commerce.loyalty;

import static io.commerce.Api.json;
import static io.commerce.Api.uniqueId;
import static io.commerce.messaging.MessagingFixtures.consent;
import static org.assertj.core.api.Assertions.assertThat;

import io.commerce.IntegrationTest;
import io.commerce.TestClock;
import io.commerce.messaging.MessagingFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The birthday offer comes on the morning of the birthday in the customer's own time zone, once a year, with its
 * bonus points and a unique code; a 29 February birthday is kept on 28 February in other years.
 */
@IntegrationTest
class BirthdayOfferTest {

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

    @BeforeEach
    void defaultProgramme() {
        loyalty.setProgram(new LoyaltyProgram(null, null, null, null, null, null, null, null, null));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theOfferComesAtNineInTheMorningWhereverTheCustomerLivesAndOnlyOnceAYear() {
        var madrid = customer("1990-06-15", "Europe/Madrid", "es");
        var losAngeles = customer("1985-06-15", "America/Los_Angeles", "en");
        var auckland = customer("1979-06-15", "Pacific/Auckland", "en");
        var ours = List.of(madrid, losAngeles, auckland);

        // 09:00 in Auckland (UTC+12) is 21:00 UTC the day before; in Madrid (UTC+2) 07:00; in Los Angeles (UTC-7) 16:00
        celebrate("2031-06-14T20:59:00Z", "2031-06-14T21:00:00Z");
        assertThat(celebrated(ours)).containsExactly(auckland);
        celebrate("2031-06-15T06:58:00Z", "2031-06-15T06:59:59Z");
        assertThat(celebrated(ours)).containsExactly(auckland);
        celebrate("2031-06-15T06:59:59Z", "2031-06-15T07:00:00Z");
        assertThat(celebrated(ours)).containsExactlyInAnyOrder(auckland, madrid);
        celebrate("2031-06-15T15:00:00Z", "2031-06-15T16:00:00Z");
        assertThat(celebrated(ours)).containsExactlyInAnyOrder(auckland, madrid, losAngeles);

        celebrate("2031-06-15T00:00:00Z", "2031-06-16T00:00:00Z"); // the same day again: nothing twice
        assertThat(offers(madrid)).hasSize(1);
        assertThat(loyalty.standing(madrid).points()).isEqualTo(100);
        var code = jdbc.sql("select code from loyalty_entry where customer_id = :id and kind = 'BIRTHDAY'")
                .param("id", madrid)
                .query(String.class)
                .single();
        assertThat(offers(madrid).getFirst()).contains(code).contains("10 %");

        celebrate("2032-06-14T00:00:00Z", "2032-06-16T00:00:00Z"); // a year later: again
        assertThat(offers(madrid)).hasSize(2);
    }

    @Test
    void aLeapDayBirthdayIsCelebratedOnTheTwentyEighthInOtherYears() {
        var leapling = customer("2000-02-29", "Europe/Madrid", "nl");

        celebrate("2031-02-27T12:00:00Z", "2031-02-28T07:59:59Z");
        assertThat(celebrated(List.of(leapling))).isEmpty();
        celebrate("2031-02-28T07:59:59Z", "2031-02-28T08:00:00Z"); // 09:00 in Madrid (UTC+1)
        assertThat(celebrated(List.of(leapling))).containsExactly(leapling);

        celebrate("2032-02-28T00:00:00Z", "2032-02-29T07:59:59Z"); // a leap year: on the 29th itself
        assertThat(offers(leapling)).hasSize(1);
        celebrate("2032-02-29T07:59:59Z", "2032-02-29T08:00:00Z");
        assertThat(offers(leapling)).hasSize(2);
    }

    private String customer(String birthday, String timezone, String language) {
        var id = uniqueId("bday");
        json(mvc, HttpMethod.PUT, "/api/v1/customers/" + id, """
                {"phone": "%s", "firstName": "Ana", "language": "%s", "timezone": "%s", "birthday": "%s"}""".formatted(
                                MessagingFixtures.uniquePhone(), language, timezone, birthday))
                .assertThat()
                .hasStatus2xxSuccessful();
        consent(mvc, id, "whatsapp", "marketing", "granted");
        return id;
    }

    private void celebrate(String from, String to) {
        clock.moveTo(Instant.parse(to).plus(Duration.ofSeconds(1)));
        notices.celebrateBirthdays(Instant.parse(from), Instant.parse(to));
    }

    /** Of these customers, those who have had a birthday bonus. */
    private List<String> celebrated(List<String> customers) {
        return jdbc.sql("select customer_id from loyalty_entry where kind = 'BIRTHDAY' and customer_id = any(:ids)")
                .param("ids", customers.toArray(String[]::new))
                .query(String.class)
                .list();
    }

    /** The birthday messages queued for the customer, as their content's JSON. */
    private List<String> offers(String customerId) {
        return jdbc.sql("""
                        select content::text from message where customer_id = :id and template_key = 'loyalty_birthday'
                         order by created_at
                        """).param("id", customerId).query(String.class).list();
    }
}
